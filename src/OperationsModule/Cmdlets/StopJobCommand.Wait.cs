using OperationsModule.Core.Systems.BigChange.Jobs;
using OperationsModule.Core.Waiting;

namespace OperationsModule.Cmdlets
{
    /// <summary>Stop-Job -Wait (BigChange set): each cancelled job is read until it is cancelled or completed.</summary>
    public sealed partial class StopJobCommand
    {
        private readonly BigChangeJobStateReader _stateReader = new BigChangeJobStateReader();

        private protected override IItemStateReader StateReader => _stateReader;

        /// <summary>A piped row's own CustomerId is the tenant its cancel goes to, so -Wait reads the job there too.</summary>
        private void RememberCustomers()
        {
            if (!Wait.IsPresent) return;
            var customer = CurrentArguments.CustomerId;
            foreach (var id in CurrentIds)
                if (id is not null) _stateReader.Remember(id, customer);
        }
    }
}
