using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Http;
using OperationsModule.Core.Http.Runtime;
using Xunit;

namespace OperationsModule.Core.Tests.Http.Runtime
{
    /// <summary>.NET Framework's body-read failures, mapped by which token fired.</summary>
    public sealed class BodyReadCancellationTests
    {
        private static CancellationToken Cancelled() { var source = new CancellationTokenSource(); source.Cancel(); return source.Token; }

        public static TheoryData<Exception> FrameworkReadFailures => new TheoryData<Exception>
        {
            new IOException("Unable to read data from the transport connection: The connection was closed."),
            new WebException("The request was aborted: The request was canceled.", WebExceptionStatus.RequestCanceled),
            new ObjectDisposedException("System.Net.ConnectStream"),
        };

        [Theory]
        [MemberData(nameof(FrameworkReadFailures))]
        public void Ctrl_C_during_a_read_is_the_callers_cancellation(Exception failure)
        {
            Assert.Equal(CancellationCause.Caller, BodyReadCancellation.Classify(failure, Cancelled(), Cancelled()));
        }

        [Theory]
        [MemberData(nameof(FrameworkReadFailures))]
        public void The_attempts_own_timeout_during_a_read_is_Timeout(Exception failure)
        {
            Assert.Equal(CancellationCause.Timeout, BodyReadCancellation.Classify(failure, CancellationToken.None, Cancelled()));
        }

        [Theory]
        [MemberData(nameof(FrameworkReadFailures))]
        public void Without_a_fired_token_the_failure_stays_a_transport_failure(Exception failure)
        {
            Assert.Equal(CancellationCause.None, BodyReadCancellation.Classify(failure, CancellationToken.None, CancellationToken.None));
        }

        [Fact]
        public void NET_cancellations_keep_their_meaning()
        {
            Assert.Equal(CancellationCause.Caller, BodyReadCancellation.Classify(new OperationCanceledException(), Cancelled(), Cancelled()));
            Assert.Equal(CancellationCause.Timeout, BodyReadCancellation.Classify(new TaskCanceledException(), CancellationToken.None, Cancelled()));
            Assert.Equal(CancellationCause.None, BodyReadCancellation.Classify(new InvalidOperationException(), Cancelled(), Cancelled()));
        }

        /// <summary>
        /// A body stream that ignores the token, as .NET Framework's does, over a real loopback socket whose server sent
        /// part of the body and then nothing: cancelling must end the read (the reader closes the stream) and surface as
        /// OperationCanceledException, not hang or become "Unable to read data".
        /// </summary>
        [Fact]
        public async Task A_token_blind_body_read_ends_with_OperationCanceledException_when_the_token_fires()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port);
                using var served = await listener.AcceptTcpClientAsync();
                await served.GetStream().WriteAsync(Encoding.ASCII.GetBytes("partial"));
                var content = new StreamContent(new TokenBlindStream(client.GetStream()));
                content.Headers.ContentLength = 1_000_000;
                using var cancel = new CancellationTokenSource();

                var read = CappedBodyReader.ReadAsync(content, 2_000_000, cancel.Token);
                cancel.Cancel();
                // The guard only detects a hang (the failure this test exists for); a correct read ends at once.
                var finished = await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(30)));
                Assert.Same(read, finished);
                var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read);
                Assert.Equal(cancel.Token, error.CancellationToken);
            }
            finally
            {
                listener.Stop();
            }
        }

        /// <summary>Like .NET Framework's ConnectStream: async reads do not observe the token; closing the stream ends them.</summary>
        private sealed class TokenBlindStream : Stream
        {
            private readonly NetworkStream _inner;

            public TokenBlindStream(NetworkStream inner) => _inner = inner;

            public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
                _inner.ReadAsync(buffer, offset, count, CancellationToken.None);

            public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
                _inner.ReadAsync(buffer, CancellationToken.None);

            public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

            protected override void Dispose(bool disposing)
            {
                if (disposing) _inner.Dispose();
                base.Dispose(disposing);
            }

            public override bool CanRead => true;
            public override bool CanSeek => false;
            public override bool CanWrite => false;
            public override long Length => throw new NotSupportedException();
            public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
            public override void Flush() { }
            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();
            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }
    }
}
