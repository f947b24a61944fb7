using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Auth;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Http;
using OperationsModule.Core.Models;
using OperationsModule.Core.Output;
using OperationsModule.Core.Tests.Infrastructure;
using OperationsModule.Core.Tests.Systems.OLConnect;
using Xunit;

namespace OperationsModule.Core.Tests.Http;

/// <summary>
/// An answer cut off after its headers (body ends early, a bad chunk, a reset while reading) is one ResponseIncomplete
/// record, never a raw .NET exception; a Submit whose 202 arrived keeps its operationId. Real loopback sockets.
/// </summary>
public class CutOffAnswerTests
{
    [Theory]
    [InlineData(CutOff.BodyEndsEarly)]
    [InlineData(CutOff.BadChunk)]
    [InlineData(CutOff.ResetWhileReading)]
    public async Task A_cut_off_answer_is_a_ResponseIncomplete_failure(CutOff cut)
    {
        await using var server = new CutOffServer(cut);
        using var transport = new SendPipeline(new HttpOptions { MaximumRetryCount = 0 }, NoAuthenticator.Instance);

        // Before: a raw HttpIOException (or IOException) escaped the transport.
        var failure = await Assert.ThrowsAnyAsync<OperationsApiException>(() => transport.SendAsync(new ApiRequest(HttpMethod.Get, new Uri(server.BaseUri, "v1/status")), NullLogSink.Instance, CancellationToken.None));

        Assert.Equal(ErrorIds.ResponseIncomplete, failure.ErrorId);
        Assert.Equal(ErrorCategoryName.ConnectionError, failure.Category);
        Assert.Equal(200, failure.StatusCode);
        Assert.Contains("cut off", failure.Message);
    }

    [Fact]
    public async Task Connect_whose_verification_answer_is_cut_off_fails_with_ResponseIncomplete()
    {
        await using var server = new CutOffServer(CutOff.BodyEndsEarly);
        var request = Connections.PerCall(OperationsSystem.OLConnect, server.BaseUri, token: Connections.Secret("token"));

        var failure = Assert.ThrowsAny<OperationsApiException>(() => Core.Sessions.ConnectCommand.Connect(request, new Core.Sessions.ConnectOptions(), new Core.Sessions.SessionStore(), new RecordingOutput(), CancellationToken.None));

        Assert.Equal(ErrorIds.ResponseIncomplete, failure.ErrorId);
    }

    [Fact]
    public async Task Cut_off_cancels_are_retried_then_one_record_each()
    {
        await using var server = new CutOffServer(CutOff.BodyEndsEarly);
        var request = Connections.PerCall(OperationsSystem.OLConnect, server.BaseUri, token: Connections.Secret("token"), retries: 1);

        var output = OlConnectHarness.Stop(request, new[] { "op-1", "op-2", "op-3" });

        Assert.Equal(new[] { "op-1", "op-2", "op-3" }, output.Failures.Select(f => (string)f.TargetObject!).OrderBy(id => id));
        Assert.All(output.Failures, f => Assert.Equal(ErrorIds.ResponseIncomplete, f.ErrorId));
        Assert.DoesNotContain(output.Failures, f => f.Exception.Message.StartsWith("Unexpected failure", StringComparison.Ordinal));
        // A cancel changes nothing twice: it is sent again once (-MaximumRetryCount 1).
        Assert.Equal(6, server.Requests);
    }

    [Fact]
    public async Task A_submission_accepted_then_cut_off_keeps_its_operation_id()
    {
        await using var server = new CutOffServer(CutOff.BodyEndsEarly, 202, "operationId: 4711");
        var request = Connections.PerCall(OperationsSystem.OLConnect, server.BaseUri, token: Connections.Secret("token"), retries: 3);

        var output = OlConnectHarness.Submit(request, "1001", new long[] { 1, 2 });

        var failure = Assert.Single(output.Failures);
        Assert.Equal(ErrorIds.ResponseIncomplete, failure.ErrorId);
        Assert.Equal("4711", failure.TargetObject);
        Assert.Contains("operation '4711'", failure.Exception.Message);
        Assert.Contains("Wait-OutputCreation -OperationId 4711", failure.RecommendedAction);
        // The work may exist: never submitted twice.
        Assert.Equal(1, server.Requests);
    }
}
