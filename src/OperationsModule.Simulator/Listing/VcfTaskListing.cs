using System;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using OperationsModule.Simulator.Hosting;
using OperationsModule.Simulator.Systems;

namespace OperationsModule.Simulator.Listing;

/// <summary>
/// GET /v1/tasks as SDDC Manager pages it: pageNumber (its first number undocumented: 1 here unless switched to 0),
/// pageSize (at most 100), filters taskStatus (either spelling), taskType (exact) and taskName (contains, any case);
/// PageOfTask with pageMetadata {pageNumber, pageSize, totalElements, totalPages}. Tasks in ID order.
/// </summary>
internal static class VcfTaskListing
{
    public const int MaximumPageSize = 100;

    public static Task WriteAsync(HttpContext ctx, SimulatorContext sim)
    {
        var state = sim.State.Vcf;
        var behaviour = sim.State.Listing;
        var query = ctx.Request.Query;
        var status = Canonical(query["taskStatus"].ToString());
        var type = query["taskType"].ToString();
        var name = query["taskName"].ToString();
        var first = behaviour.VcfFirstPageNumber;
        var pageSize = int.TryParse(query["pageSize"], NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size > 0 ? Math.Min(size, MaximumPageSize) : MaximumPageSize;
        var pageNumber = !behaviour.VcfRepeatFirstPage && long.TryParse(query["pageNumber"], NumberStyles.None, CultureInfo.InvariantCulture, out var asked) ? asked : first;

        // One pass: count the matches and keep only the asked page's, so a 10 000-task list costs no copy per page.
        var elements = new JsonArray();
        var skip = (pageNumber - first) * pageSize;
        long total = 0;
        foreach (var id in state.OrderedIds())
        {
            var shown = state.ApiStatus(id);
            if (shown is null || (status.Length > 0 && shown != status))
            {
                continue;
            }

            if (type.Length > 0 || name.Length > 0)
            {
                var details = state.DetailsOf(id);
                if ((type.Length > 0 && !string.Equals(details.Type, type, StringComparison.Ordinal))
                    || (name.Length > 0 && details.Name.IndexOf(name, StringComparison.OrdinalIgnoreCase) < 0))
                {
                    continue;
                }
            }

            if (total >= skip && total < skip + pageSize)
            {
                elements.Add(VcfEndpoints.TaskJson(state, id, shown, cancelRequested: state.Settling.IsSettling(id)));
            }

            total++;
        }

        var page = new JsonObject
        {
            ["elements"] = elements,
            ["pageMetadata"] = new JsonObject
            {
                ["pageNumber"] = pageNumber,
                ["pageSize"] = pageSize,
                ["totalElements"] = total,
                ["totalPages"] = (total + pageSize - 1) / pageSize,
            },
        };
        return Respond.JsonAsync(ctx, 200, page);
    }

    private static string Canonical(string status) => status.Length == 0 ? status : VcfState.Canonical(status);
}
