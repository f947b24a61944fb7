using System;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OperationsModule.Simulator.Hosting;

namespace OperationsModule.Simulator.Control;

/// <summary>
/// The answer styles that differ between vendor releases, switchable while the simulator runs:
/// GET /_sim/switches shows them, POST /_sim/switches {"onedataErrorShape":"flat","vcfTokenStatus":200} changes
/// the ones named. /_sim/reset restores the values the simulator started with (options or command line).
/// "progressStepPercent" (1-100) is how far an OL Connect operation advances per getProgress poll: 100 finishes
/// it at the first poll, so the help examples' waits end at once.
/// </summary>
internal sealed class RuntimeSwitches
{
    private readonly OnedataErrorShape _onedataErrorShape;
    private readonly int _vcfTokenStatus;
    private readonly int _progressStepPercent;

    public RuntimeSwitches(SimulatorOptions startedWith)
    {
        _onedataErrorShape = startedWith.OnedataErrorShape;
        _vcfTokenStatus = startedWith.VcfTokenStatusCode;
        _progressStepPercent = startedWith.ProgressStepPercent;
    }

    public void Restore(SimulatorOptions options)
    {
        options.OnedataErrorShape = _onedataErrorShape;
        options.VcfTokenStatusCode = _vcfTokenStatus;
        options.ProgressStepPercent = _progressStepPercent;
    }

    public static void Map(IEndpointRouteBuilder app, SimulatorContext sim)
    {
        app.MapGet("/_sim/switches", ctx => Respond.JsonAsync(ctx, 200, Current(sim.Options)));
        app.MapPost("/_sim/switches", ctx => ChangeAsync(ctx, sim.Options));
    }

    /// <summary>Parses "flat"/"nested" for the command line and the control surface alike.</summary>
    public static OnedataErrorShape ParseShape(string text) =>
        Enum.TryParse<OnedataErrorShape>(text, ignoreCase: true, out var shape) && Enum.IsDefined(shape)
            ? shape
            : throw new ArgumentException($"onedataErrorShape must be 'nested' or 'flat', not '{text}'.");

    /// <summary>Only the statuses the two vendor sources show: 201 (spec) and 200 (example).</summary>
    public static int ParseTokenStatus(int status) =>
        status is 200 or 201 ? status : throw new ArgumentException($"vcfTokenStatus must be 200 or 201, not {status}.");

    public static int ParseProgressStep(int percent) =>
        percent is >= 1 and <= 100 ? percent : throw new ArgumentException($"progressStepPercent must be 1-100, not {percent}.");

    private static JsonObject Current(SimulatorOptions options) => new()
    {
        ["onedataErrorShape"] = options.OnedataErrorShape.ToString().ToLowerInvariant(),
        ["vcfTokenStatus"] = options.VcfTokenStatusCode,
        ["progressStepPercent"] = options.ProgressStepPercent,
    };

    private static async Task ChangeAsync(HttpContext ctx, SimulatorOptions options)
    {
        try
        {
            var body = await JsonNode.ParseAsync(ctx.Request.Body, cancellationToken: ctx.RequestAborted).ConfigureAwait(false) as JsonObject
                ?? throw new ArgumentException("The body must be a JSON object.");
            // Validate everything before changing anything, so a bad request leaves the switches as they were.
            var shape = body["onedataErrorShape"] is JsonNode s ? ParseShape(s.GetValue<string>()) : options.OnedataErrorShape;
            var status = body["vcfTokenStatus"] is JsonNode t ? ParseTokenStatus(t.GetValue<int>()) : options.VcfTokenStatusCode;
            var step = body["progressStepPercent"] is JsonNode p ? ParseProgressStep(p.GetValue<int>()) : options.ProgressStepPercent;
            options.OnedataErrorShape = shape;
            options.VcfTokenStatusCode = status;
            options.ProgressStepPercent = step;
            await Respond.JsonAsync(ctx, 200, Current(options)).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException or FormatException)
        {
            await Respond.JsonAsync(ctx, 400, new JsonObject { ["error"] = ex.Message }).ConfigureAwait(false);
        }
    }
}
