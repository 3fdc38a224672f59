extern alias WebApp;
using Microsoft.Extensions.Time.Testing;
using WebApp::KhuyenCong.Web.Api;
using Xunit;

namespace KhuyenCong.Web.Tests;

/// <summary>The keys the web UI gives a person's commands: a repeat acts once; a refused command may be sent again as a new attempt.</summary>
public sealed class CommandKeyTests
{
    private static readonly byte[] Body = "{\"dispatchNumber\":\"12/SCT\"}"u8.ToArray();

    [Fact]
    public void The_same_command_within_the_repeat_window_carries_the_same_key_and_after_it_a_new_one()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-07T08:00:00Z"));
        var keys = new CommandKeys(time);
        var first = keys.KeyFor(HttpMethod.Post, "/api/x/submit", Body);

        Assert.Equal(first, keys.KeyFor(HttpMethod.Post, "/api/x/submit", Body));
        Assert.NotEqual(first, keys.KeyFor(HttpMethod.Post, "/api/x/submit", "{}"u8));
        Assert.NotEqual(first, keys.KeyFor(HttpMethod.Post, "/api/y/submit", Body));
        time.Advance(CommandKeys.RepeatWindow + TimeSpan.FromSeconds(1));
        Assert.NotEqual(first, keys.KeyFor(HttpMethod.Post, "/api/x/submit", Body));
    }

    [Fact]
    public void A_forgotten_key_is_never_handed_out_again_and_other_commands_keep_theirs()
    {
        var keys = new CommandKeys(new FakeTimeProvider(DateTimeOffset.Parse("2026-12-07T08:00:00Z")));
        var refused = keys.KeyFor(HttpMethod.Post, "/api/x/submit", Body);
        var other = keys.KeyFor(HttpMethod.Post, "/api/x/check", Body);

        keys.Forget(refused);

        var again = keys.KeyFor(HttpMethod.Post, "/api/x/submit", Body);
        Assert.NotEqual(refused, again);
        Assert.Equal(again, keys.KeyFor(HttpMethod.Post, "/api/x/submit", Body));
        Assert.Equal(other, keys.KeyFor(HttpMethod.Post, "/api/x/check", Body));
    }

    [Theory]
    [InlineData(400, "/errors/validation", true)]
    [InlineData(409, "/errors/national-dossiers-incomplete", true)]
    [InlineData(422, "/errors/beyond-ministry-approval", true)]
    [InlineData(409, "/errors/concurrent-change", true)]
    [InlineData(409, "/errors/idempotency-in-flight", false)]
    [InlineData(422, "/errors/idempotency-key-reused", false)]
    [InlineData(408, null, false)]
    [InlineData(429, "/errors/too-many-requests", false)]
    [InlineData(503, "/errors/dependency-unavailable", false)]
    [InlineData(500, null, false)]
    [InlineData(0, "/errors/unreachable", false)]
    public void Only_a_refusal_of_the_command_itself_lets_it_be_sent_again_as_new(int status, string? type, bool refusal) =>
        Assert.Equal(refusal, CommandKeys.IsRefusal(status, type));
}
