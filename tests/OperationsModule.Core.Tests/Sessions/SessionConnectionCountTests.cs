using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Output;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Tests.Infrastructure;
using Xunit;

namespace OperationsModule.Core.Tests.Sessions
{
    /// <summary>
    /// A session's connection is counted in one place: SessionConnection hands out the leases, takes them back and
    /// closes itself exactly once; a lease is a handle that gives its one count back once.
    /// </summary>
    public sealed class SessionConnectionCountTests
    {
        private int _closes;
        private IOperationsOutput? _closedWith;

        // The count never touches the transport: no HttpClient is needed to test it.
        private SessionConnection Connection(bool retiresWhenIdle = false) =>
            new SessionConnection(null!, retiresWhenIdle, (_, output, _) =>
            {
                Interlocked.Increment(ref _closes);
                _closedWith = output;
            });

        [Fact]
        public void A_retired_connection_closes_with_its_last_lease_and_takes_no_new_one()
        {
            var connection = Connection();
            var leases = Enumerable.Range(0, 3).Select(_ => connection.TryLease()!).ToList();
            Assert.Equal(3, connection.Leases);

            Assert.Equal(3, connection.Retire(null, CancellationToken.None));
            Assert.Null(connection.TryLease());
            Assert.False(connection.IsOpen);
            leases[0].Release(null);
            leases[1].Release(null);
            Assert.Equal(0, _closes);

            var last = new RecordingOutput();
            leases[2].Release(last);
            Assert.Equal(1, _closes);
            Assert.Same(last, _closedWith); // the close reports to the command whose release caused it
            Assert.Equal(0, connection.Leases);
        }

        [Fact]
        public void A_lease_released_twice_gives_its_count_back_once()
        {
            var connection = Connection();
            var first = connection.TryLease()!;
            connection.TryLease();
            first.Release(null);
            first.Dispose();
            Assert.Equal(1, connection.Leases);
        }

        [Fact]
        public void An_unheld_connection_closes_when_retired_and_only_once()
        {
            var connection = Connection();
            Assert.Equal(0, connection.Retire(null, CancellationToken.None));
            Assert.Equal(0, connection.Retire(null, CancellationToken.None));
            Assert.Equal(1, _closes);
        }

        [Fact]
        public void An_ad_hoc_connection_closes_when_idle()
        {
            var connection = Connection(retiresWhenIdle: true);
            var lease = connection.TryLease()!;
            Assert.True(connection.IsOpen);
            lease.Release(null);
            Assert.Equal(1, _closes);
            Assert.Null(connection.TryLease());
        }

        [Fact]
        public void A_kept_connection_stays_open_when_idle()
        {
            var connection = Connection();
            connection.TryLease()!.Release(null);
            Assert.Equal(0, _closes);
            Assert.True(connection.IsOpen);
        }

        [Fact]
        public async Task Leases_taken_and_given_back_on_many_threads_while_it_retires_close_it_exactly_once()
        {
            var connection = Connection();
            var holder = connection.TryLease()!; // keeps it open until every worker has started
            using var start = new Barrier(9);
            var workers = Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
            {
                start.SignalAndWait();
                var taken = new List<ConnectionLease>();
                for (var i = 0; i < 2000; i++)
                {
                    if (connection.TryLease() is { } lease) taken.Add(lease);
                    if (i % 3 == 0 && taken.Count > 0)
                    {
                        taken[0].Release(null);
                        taken.RemoveAt(0);
                    }
                }
                foreach (var lease in taken) lease.Release(null);
            })).ToList();
            start.SignalAndWait();
            connection.Retire(null, CancellationToken.None);
            await Task.WhenAll(workers);
            Assert.Equal(0, _closes); // the first lease still holds it
            holder.Release(null);

            Assert.Equal(1, _closes);
            Assert.Equal(0, connection.Leases);
            Assert.Null(connection.TryLease());
        }
    }
}
