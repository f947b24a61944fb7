using System;
using System.Threading;
using OperationsModule.Core.Commands;
using OperationsModule.Core.Listing;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Tests.Infrastructure;
using OperationsModule.Core.Waiting;

namespace OperationsModule.Core.Tests.Systems.Shared
{
    /// <summary>Drives Core's FindCommand (a list, or one Read per ID, then Complete) and StopCommand -Wait the way the Get- and Stop- cmdlets do.</summary>
    internal static class FindRun
    {
        /// <summary>A list run: the cmdlet resolves the default connection, then streams the list.</summary>
        public static RecordingOutput List(ConnectionRequest request, Action<ResolvedConnection, FindCommand> list, int throttleLimit = 8)
        {
            var output = new RecordingOutput();
            using var command = new FindCommand(new ConnectionPlan(request, new SessionStore(), output), throttleLimit, output, CancellationToken.None);
            list(command.ConnectionFor(), command);
            command.Complete();
            return output;
        }

        /// <summary>Reads by ID, one Process per piped ID; <paramref name="keep"/> is the cmdlet's filter (null: keep all).</summary>
        public static RecordingOutput Read<TItem>(ConnectionRequest request, IItemReader<TItem> reader, Func<TItem, bool>? keep, params string?[] ids)
            where TItem : class
        {
            var output = new RecordingOutput();
            using var command = new FindCommand(new ConnectionPlan(request, new SessionStore(), output), throttleLimit: 4, output, CancellationToken.None);
            foreach (var id in ids)
            {
                command.Read(reader, id, keep: keep);
                command.Flush();
            }
            command.Complete();
            return output;
        }

        /// <summary>Stop- -Wait on a virtual clock.</summary>
        public static (RecordingOutput Output, StopCommand Command) StopAndWait(ICancelEndpoint endpoint, IItemStateReader reader, ConnectionRequest request, TimeSpan? timeout, params string[] ids)
        {
            var output = new RecordingOutput();
            var clock = new VirtualClock();
            var command = new StopCommand(endpoint, new ConnectionPlan(request, new SessionStore(), output), 4, output, CancellationToken.None, clock);
            command.ConfirmWith(reader, new WaitSchedule(timeout, clock));
            foreach (var id in ids)
            {
                command.Process(id);
                command.Flush();
            }
            command.Complete();
            return (output, command);
        }
    }
}
