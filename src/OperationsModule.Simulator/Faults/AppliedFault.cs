using Microsoft.AspNetCore.Http;

namespace OperationsModule.Simulator.Faults;

/// <summary>Which fault shaped a request's answer, noted for the request log.</summary>
internal static class AppliedFault
{
    private const string Key = "sim.fault";

    public static void Note(HttpContext context, FaultAction action) => context.Items[Key] = action.Kind;

    public static void Forget(HttpContext context) => context.Items.Remove(Key);

    public static string? Of(HttpContext context) => context.Items.TryGetValue(Key, out var kind) ? kind as string : null;
}
