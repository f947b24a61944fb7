using System;
using System.Threading;
using OperationsModule.Core.Listing;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Tests.Infrastructure;

namespace OperationsModule.Core.Tests.Systems.Shared
{
    /// <summary>Drives Core's FindCommand the way a Get- cmdlet does: a list, or one Read per ID, then Complete.</summary>
    internal static class FindRun
    {
        public static RecordingOutput List(ConnectionRequest request, Func<ResolvedConnection, FindCommand, bool> list)
        {
            var output = new RecordingOutput();
            using var command = new FindCommand(new ConnectionPlan(request, new SessionStore()), throttleLimit: 4, output, CancellationToken.None);
            list(command.ConnectionFor(), command);
            command.Complete();
            return output;
        }

        public static RecordingOutput Read<TItem>(ConnectionRequest request, IItemReader<TItem> reader, Func<TItem, bool>? keep, params string?[] ids)
            where TItem : class
        {
            var output = new RecordingOutput();
            using var command = new FindCommand(new ConnectionPlan(request, new SessionStore()), throttleLimit: 4, output, CancellationToken.None);
            foreach (var id in ids)
            {
                command.Read(reader, id, keep: keep);
                command.Flush();
            }
            command.Complete();
            return output;
        }
    }
}
