using System;
using OperationsModule.Core.Http;
using Xunit;

namespace OperationsModule.Core.Tests.Http;

/// <summary>The allocation-lean Combine keeps the old contract: literal parts verbatim, dynamic parts escaped.</summary>
public sealed class EndpointPathTests
{
    [Theory]
    [InlineData("https://server:9340", "https://server:9340/rest/x/cancel/op-1")]
    [InlineData("https://server:9340/", "https://server:9340/rest/x/cancel/op-1")]
    [InlineData("https://server:9340/prefix//", "https://server:9340/prefix/rest/x/cancel/op-1")]
    public void Joins_base_and_parts_with_single_slashes(string baseUri, string expected)
    {
        var uri = EndpointPath.Combine(new Uri(baseUri), "/rest/x/", "cancel", EndpointPath.Escaped("op-1"));
        Assert.Equal(expected, uri.AbsoluteUri);
    }

    [Theory]
    [InlineData("a b", "a%20b")]
    [InlineData("ä", "%C3%A4")]
    [InlineData("x:y@z", "x%3Ay%40z")]
    [InlineData("semi;colon", "semi%3Bcolon")]
    public void Dynamic_segments_are_escaped(string id, string escaped)
    {
        var uri = EndpointPath.Combine(new Uri("http://127.0.0.1:1/"), "v1/tasks", EndpointPath.Escaped(id));
        Assert.Equal("/v1/tasks/" + escaped, uri.AbsolutePath);
    }
}
