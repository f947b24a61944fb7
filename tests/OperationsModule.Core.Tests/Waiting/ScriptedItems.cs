using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using OperationsModule.Core.Commands;
using OperationsModule.Core.Engine;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Http;
using OperationsModule.Core.Models;
using OperationsModule.Core.Output;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Systems.Vcf;
using OperationsModule.Core.Waiting;
using OperationsModule.Core.Tests.Infrastructure;

namespace OperationsModule.Core.Tests.Waiting
{
    /// <summary>
    /// A system-neutral server for the -Wait machinery: POST /items/{id}/cancel answers 204 (or the status scripted
    /// for the id), GET /items/{id} answers the id's scripted states in turn ({"state":"..."}), the last one for ever.
    /// </summary>
    internal sealed class ScriptedItems
    {
        private readonly Dictionary<string, Queue<string>> _states = new Dictionary<string, Queue<string>>();
        private readonly Dictionary<string, int> _cancelStatus = new Dictionary<string, int>();

        public ScriptedItems Item(string id, params string[] answers)
        {
            lock (_states) _states[id] = new Queue<string>(answers);
            return this;
        }

        public ScriptedItems CancelAnswers(string id, int status)
        {
            lock (_states) _cancelStatus[id] = status;
            return this;
        }

        /// <summary>An answer is a state name, or "502"/"404" for that status.</summary>
        public string Respond(RawRequest request)
        {
            var parts = request.Path.Trim('/').Split('/');
            var id = parts.ElementAtOrDefault(1) ?? string.Empty;
            lock (_states)
            {
                if (request.Method == "POST")
                    return RawHttpListener.Answer(_cancelStatus.TryGetValue(id, out var status) ? status : 204, _cancelStatus.ContainsKey(id) ? "{\"message\":\"refused\"}" : string.Empty, "application/json");
                if (!_states.TryGetValue(id, out var answers)) return RawHttpListener.Answer(404, "{\"message\":\"no such item\"}", "application/json");
                var answer = answers.Count > 1 ? answers.Dequeue() : answers.Peek();
                return int.TryParse(answer, out var code)
                    ? RawHttpListener.Answer(code, "{\"message\":\"status " + code + "\"}", "application/json")
                    : RawHttpListener.Answer(200, "{\"state\":\"" + answer + "\"}", "application/json");
            }
        }
    }

    internal sealed class ScriptedCancelEndpoint : CancelEndpoint
    {
        public static readonly ScriptedCancelEndpoint Instance = new ScriptedCancelEndpoint();

        private ScriptedCancelEndpoint()
            : base(OperationsSystem.Vcf, "Item", "ItemId", VcfErrorParser.Instance, 204)
        {
        }

        public override ApiRequest BuildRequest(OperationsSession session, string id, CancelArguments arguments) =>
            new ApiRequest(HttpMethod.Post, new Uri(session.BaseUri, "items/" + id + "/cancel"));

        /// <summary>A Stop- command over this endpoint, to <paramref name="server"/> with a per-call token.</summary>
        public static StopCommand Command(RawHttpListener server, IOperationsOutput output, CancellationToken stop, IWaitClock clock, int throttleLimit = 8) =>
            new StopCommand(Instance,
                new ConnectionPlan(Connections.PerCall(OperationsSystem.Vcf, server.BaseUri, token: Connections.Secret("test-token")), new SessionStore(), output),
                throttleLimit, output, stop, clock);
    }

    /// <summary>Final: cancelled, finished, failed. A "gone" rule only when asked for (as OL Connect's 404 after the end).</summary>
    internal sealed class ScriptedStateReader : ItemStateReader
    {
        private readonly bool _goneMeansCancelled;

        public ScriptedStateReader(bool goneMeansCancelled = false)
            : base(OperationsSystem.Vcf, "Item", VcfErrorParser.Instance)
        {
            _goneMeansCancelled = goneMeansCancelled;
        }

        public override ApiRequest BuildRequest(OperationsSession session, string id) => new ApiRequest(HttpMethod.Get, new Uri(session.BaseUri, "items/" + id));

        public override string ReadAgainCommand(string id, CommandNames names) => names.Named("Get", "ScriptedItem") + " -ItemId " + id;

        protected override ItemState ParseState(ApiRequest request, ApiResponse response, string id)
        {
            using var doc = JsonDocument.Parse(response.Body);
            var state = doc.RootElement.GetProperty("state").GetString()!;
            return new ItemState(state, state is "cancelled" or "finished" or "failed", state == "cancelled");
        }

        protected override ItemState? WhenGone(ItemState? previous) =>
            _goneMeansCancelled && previous is not null ? new ItemState("cancelled", true, true) : null;
    }
}
