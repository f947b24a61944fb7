using System;
using OperationsModule.Core.Http;
using Xunit;

namespace OperationsModule.Core.Tests.Http;

/// <summary>What a URI shows in messages and on results: never user info, a query or a fragment.</summary>
public class UriTextTests
{
    [Theory]
    [InlineData("https://user:pw-secret@h.example/v1/a", "https://h.example/v1/a")]
    [InlineData("https://h.example/v1/a?token=s3cret", "https://h.example/v1/a")]
    [InlineData("https://h.example/v1/a#frag", "https://h.example/v1/a")]
    [InlineData("https://h.example:8443/v1/a%3Fb", "https://h.example:8443/v1/a%3Fb")]
    public void Sanitize_drops_user_info_query_and_fragment(string given, string expected)
    {
        Assert.Equal(expected, UriText.Sanitize(new Uri(given)).AbsoluteUri);
    }

    [Fact]
    public void Sanitize_sees_what_a_base_address_brings_into_a_combined_uri()
    {
        var combined = new Uri(new Uri("https://user:pw-secret@h.example/base/"), "v1/tasks/t1");

        Assert.Equal("https://h.example/base/v1/tasks/t1", UriText.Sanitize(combined).AbsoluteUri);
    }

    [Fact]
    public void Sanitize_returns_a_uri_with_nothing_to_remove_as_it_is()
    {
        var plain = new Uri(new Uri("https://h.example/base/"), "v1/tasks/t%3F1");

        Assert.Same(plain, UriText.Sanitize(plain));
    }
}
