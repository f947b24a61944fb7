using System;
using System.Collections.Generic;
using System.Linq;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Models;

namespace OperationsModule.Core.Systems.Vcf
{
    /// <summary>
    /// Get-SddcManagerTask's filters. GET /v1/tasks takes one taskStatus, a taskType and a taskName (contains): those go
    /// to the server. Several statuses are checked here instead (the list then holds every status), and so is the name,
    /// whatever the server made of it, so -Name always means "contains, any case".
    /// </summary>
    internal sealed class VcfTaskFilter
    {
        /// <summary>Throws InputValidationException naming -Status and the allowed values for an unknown status (either spelling is allowed).</summary>
        public VcfTaskFilter(IEnumerable<string?>? statuses, string? name, string? type)
        {
            Statuses = VcfTaskStates.Spelling.ParseFilter("Status", statuses, VcfTaskStates.All);
            if (name is not null && name.Trim().Length == 0) throw new InputValidationException("Name", "the value is empty or whitespace; leave out -Name to list every name.");
            if (type is not null && type.Trim().Length == 0) throw new InputValidationException("Type", "the value is empty or whitespace; leave out -Type to list every type.");
            Name = name;
            Type = type;
        }

        /// <summary>The statuses asked for, in the one spelling; null for all.</summary>
        public IReadOnlyList<string>? Statuses { get; }

        public string? Name { get; }

        public string? Type { get; }

        /// <summary>The status sent as taskStatus: only when exactly one was asked for.</summary>
        public string? ServerStatus => Statuses is { Count: 1 } ? Statuses[0] : null;

        public bool IsEmpty => Statuses is null && Name is null && Type is null;

        /// <summary>True for a task the filters accept (the ones the server applied hold already; checking them again costs nothing).</summary>
        public bool Keep(SddcManagerTask task) =>
            (Statuses is null || (task.Status is not null && Statuses.Contains(task.Status)))
            && (Name is null || (task.Name?.IndexOf(Name, StringComparison.OrdinalIgnoreCase) ?? -1) >= 0)
            && (Type is null || string.Equals(task.Type, Type, StringComparison.OrdinalIgnoreCase));

        /// <summary>What goes to the server and what is checked here, for -Verbose.</summary>
        public string Describe()
        {
            var server = new List<string>();
            var client = new List<string>();
            if (ServerStatus is { } one) server.Add($"taskStatus={one}");
            else if (Statuses is not null) client.Add($"status in {string.Join(", ", Statuses)} (the API takes one status per call)");
            if (Name is not null)
            {
                server.Add($"taskName={Name}");
                client.Add($"name contains '{Name}', any case");
            }
            if (Type is not null) server.Add($"taskType={Type}");
            return $"Filters sent to the server: {(server.Count == 0 ? "none" : string.Join(", ", server))}; applied here, client-side: {(client.Count == 0 ? "none" : string.Join("; ", client))}.";
        }
    }
}
