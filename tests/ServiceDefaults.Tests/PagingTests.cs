using KhuyenCong.Platform.Data;
using KhuyenCong.TestSupport;
using Xunit;

namespace KhuyenCong.ServiceDefaults.Tests;

[Collection(ServersCollection.Name)]
public sealed class PagingTests(PostgresServer postgres, RabbitMqServer rabbit)
{
    [Fact]
    public async Task A_page_holds_its_rows_in_the_callers_order_and_the_total_of_the_whole_query()
    {
        await using var app = await TestApp.StartAsync(postgres.NewDatabase("paging"), rabbit.ConnectionString);
        await app.WithDbAsync(db =>
        {
            db.Notes.AddRange(Enumerable.Range(1, 7).Select(n => new Note { Id = Guid.NewGuid(), Text = $"note {n:00}" }));
            db.Notes.Add(new Note { Id = Guid.NewGuid(), Text = "other" });
            return db.SaveChangesAsync();
        });

        var second = await app.WithDbAsync(db => db.Notes
            .Where(n => n.Text.StartsWith("note"))
            .OrderByDescending(n => n.Text)
            .Select(n => n.Text)
            .PageAsync(2, 3, CancellationToken.None));

        Assert.Equal(["note 04", "note 03", "note 02"], second.Items);
        Assert.Equal((7, 2, 3), (second.Total, second.Page, second.PageSize));
    }

    [Fact]
    public async Task A_page_past_the_end_is_empty_but_still_counts_the_rows()
    {
        await using var app = await TestApp.StartAsync(postgres.NewDatabase("paging"), rabbit.ConnectionString);
        await app.WithDbAsync(db =>
        {
            db.Notes.AddRange(Enumerable.Range(1, 2).Select(n => new Note { Id = Guid.NewGuid(), Text = $"note {n}" }));
            return db.SaveChangesAsync();
        });

        var page = await app.WithDbAsync(db => db.Notes.OrderBy(n => n.Text).PageAsync(5, 10, CancellationToken.None));

        Assert.Empty(page.Items);
        Assert.Equal(2, page.Total);
    }
}

public sealed class PageOfTests
{
    [Fact]
    public void A_page_is_written_as_items_total_page_and_page_size() =>
        Assert.Equal("""{"items":["a","b"],"total":5,"page":2,"pageSize":2}""",
            System.Text.Json.JsonSerializer.Serialize(new Platform.Paging.PageOf<string>(["a", "b"], 5, 2, 2), System.Text.Json.JsonSerializerOptions.Web));

    [Fact]
    public void Mapping_a_page_keeps_its_total_and_position()
    {
        var page = new Platform.Paging.PageOf<int>([1, 2], 9, 3, 2).Map(n => n * 10);
        Assert.Equal([10, 20], page.Items);
        Assert.Equal((9, 3, 2), (page.Total, page.Page, page.PageSize));
    }
}
