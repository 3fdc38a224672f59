using System.Net;
using KhuyenCong.Platform.History;
using KhuyenCong.Products.Data;
using KhuyenCong.TestSupport;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;
using Xunit;
using static KhuyenCong.Products.Tests.ProductsHost;

namespace KhuyenCong.Products.Tests;

/// <summary>
/// Photos that entries kept in their own table before photos became attachments: the migration sets the table aside and
/// the service, once the attachment tables are migrated too, moves every photo into its entry's attachments (same id,
/// bytes, name, upload time and uploader, with a thumbnail), drops the table, and a dossier counts them as before.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class EntryPhotoMoveTests(PostgresServer postgres, RabbitMqServer rabbit) : IAsyncLifetime
{
    private static readonly DateTimeOffset AddedByLan = new(2025, 3, 5, 2, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset AddedByNobodyKnown = new(2025, 3, 6, 8, 0, 0, TimeSpan.Zero);
    private readonly ProductsHost _host = new(postgres, rabbit, new DateOnly(2025, 3, 3));
    private Guid _competition;
    private Guid _entry;

    public async Task InitializeAsync()
    {
        await _host.AddEstablishmentAsync();
        _competition = (await _host.CreateCompetitionAsync("Provincial", 2025, new(2025, 3, 1), new(2025, 3, 31))).GetProperty("id").GetGuid();
        await _host.SetCouncilAsync(_competition, 7);
        await _host.PostAsync($"/api/products/competitions/{_competition}/open", null, HttpStatusCode.OK);
        _entry = await _host.RegisterEntryAsync(_competition, "Chè Đường Hoa");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private string EntryPath => $"/api/products/competitions/{_competition}/entries/{_entry}";

    [Fact]
    public async Task The_old_photos_become_the_entry_s_product_photos_with_thumbnails_and_nothing_is_lost()
    {
        var front = SampleFiles.Picture(640, 480);
        var side = SampleFiles.Picture(300, 600, SKEncodedImageFormat.Jpeg);
        // The old upload took any content that began with an image's signature.
        byte[] top = [0xFF, 0xD8, 0xFF, 0xE0, .. Enumerable.Range(0, 500).Select(i => (byte)(i * 31))];
        var ids = (Guid.CreateVersion7(AddedByLan), Guid.CreateVersion7(AddedByLan), Guid.CreateVersion7(AddedByNobodyKnown));
        await _host.WithDbAsync(async db =>
        {
            await HoldAsync(db, (ids.Item1, 1, "mặt trước.png", "Png", front, AddedByLan), (ids.Item2, 2, "mat-ben.jpg", "Jpeg", side, AddedByLan),
                (ids.Item3, 3, "mat-tren.jpg", "Jpeg", top, AddedByNobodyKnown));
            db.Add(HistoryEntry.Of(_competition, "competition-photos-added", "officer-lan", "Nguyễn Thị Lan", AddedByLan) with
            {
                Subject = "Chè Đường Hoa",
                Amount = 2,
            });
            return await db.SaveChangesAsync();
        });

        Assert.Equal(3, await _host.WithDbAsync(db => EntryPhotoMove.MoveAsync(db, CancellationToken.None)));

        Assert.False(await _host.WithDbAsync(HoldingTableExistsAsync));
        // Listed in the order they were uploaded; the two sent together in any order between themselves.
        var listed = (await ExpectAsync(await _host.Client.GetAsync($"{EntryPath}/attachments"), HttpStatusCode.OK)).EnumerateArray().ToList();
        Assert.Equal(ids.Item3, listed[^1].GetProperty("id").GetGuid());
        var files = listed.ToDictionary(f => f.GetProperty("id").GetGuid());
        var order = new[] { ids.Item1, ids.Item2, ids.Item3 };
        Assert.Equal(order.Order(), files.Keys.Order());
        Assert.All(files.Values, f => Assert.Equal(("ProductPhoto", false), (f.GetProperty("kind").GetString(), f.GetProperty("withdrawn").GetBoolean())));
        Assert.Equal(["mặt trước.png", "mat-ben.jpg", "mat-tren.jpg"], order.Select(id => files[id].GetProperty("fileName").GetString()));
        Assert.Equal(["image/png", "image/jpeg", "image/jpeg"], order.Select(id => files[id].GetProperty("contentType").GetString()));
        Assert.Equal([AddedByLan, AddedByLan, AddedByNobodyKnown], order.Select(id => files[id].GetProperty("uploadedAt").GetDateTimeOffset()));
        Assert.Equal(["officer-lan", "officer-lan", EntryPhotoMove.UnknownUploader], order.Select(id => files[id].GetProperty("uploadedBy").GetString()));
        Assert.Equal(["Nguyễn Thị Lan", "Nguyễn Thị Lan", EntryPhotoMove.UnknownUploaderName],
            order.Select(id => files[id].GetProperty("uploadedByName").GetString()));
        Assert.Equal(front, await _host.Client.GetByteArrayAsync($"{EntryPath}/attachments/{ids.Item1}"));
        Assert.Equal(side, await _host.Client.GetByteArrayAsync($"{EntryPath}/attachments/{ids.Item2}"));
        Assert.Equal(top, await _host.Client.GetByteArrayAsync($"{EntryPath}/attachments/{ids.Item3}"));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(top)), files[ids.Item3].GetProperty("sha256").GetString());

        // Thumbnails were made in the move: stored, not made at each read.
        Assert.Equal((320, 240), AttachmentChecks.SizeOf(await _host.Client.GetByteArrayAsync($"{EntryPath}/attachments/{ids.Item1}/thumbnail")));
        Assert.Equal((160, 320), AttachmentChecks.SizeOf(await _host.Client.GetByteArrayAsync($"{EntryPath}/attachments/{ids.Item2}/thumbnail")));
        Assert.Equal(2, await _host.WithDbAsync(db => db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM attachment_contents WHERE thumbnail IS NOT NULL").SingleAsync()));
        // The one whose bytes no decoder reads keeps them, without a thumbnail.
        await AssertProblemAsync(await _host.Client.GetAsync($"{EntryPath}/attachments/{ids.Item3}/thumbnail"), HttpStatusCode.NotFound, "/errors/not-found");

        var entry = await ExpectAsync(await _host.Client.GetAsync(EntryPath), HttpStatusCode.OK);
        Assert.Equal(3, entry.GetProperty("photoCount").GetInt32());
        Assert.Equal("Submitted", (await ExpectAsync(await _host.Client.PostAsync($"{EntryPath}/submit", null), HttpStatusCode.OK)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_second_start_moves_nothing_and_a_database_without_old_photos_has_nothing_to_move()
    {
        Assert.False(await _host.WithDbAsync(HoldingTableExistsAsync));
        Assert.Equal(0, await _host.WithDbAsync(db => EntryPhotoMove.MoveAsync(db, CancellationToken.None)));

        await _host.WithDbAsync(async db =>
        {
            await HoldAsync(db, (Guid.NewGuid(), 1, "a.png", "Png", SampleFiles.Picture(40, 30), AddedByLan));
            return 0;
        });
        Assert.Equal(1, await _host.WithDbAsync(db => EntryPhotoMove.MoveAsync(db, CancellationToken.None)));
        Assert.Equal(0, await _host.WithDbAsync(db => EntryPhotoMove.MoveAsync(db, CancellationToken.None)));
        Assert.Single((await ExpectAsync(await _host.Client.GetAsync($"{EntryPath}/attachments"), HttpStatusCode.OK)).EnumerateArray());
    }

    /// <summary>The old photo table as the migration sets it aside, holding the given photos of the entry.</summary>
    private async Task HoldAsync(ProductsDbContext db, params (Guid Id, int Position, string Name, string Format, byte[] Content, DateTimeOffset At)[] photos)
    {
        await db.Database.ExecuteSqlRawAsync($"""
            CREATE TABLE IF NOT EXISTS {EntryPhotoMove.HoldingTable} (
                id uuid NOT NULL CONSTRAINT pk_entry_photos PRIMARY KEY,
                content bytea NOT NULL,
                entry_id uuid NOT NULL CONSTRAINT fk_entry_photos_entries_entry_id REFERENCES entries (id) ON DELETE CASCADE,
                file_name character varying(255) NOT NULL,
                format character varying(8) NOT NULL,
                position integer NOT NULL,
                size_bytes bigint NOT NULL,
                uploaded_at timestamp with time zone NOT NULL)
            """);
        foreach (var (id, position, name, format, content, at) in photos)
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO entry_photos_to_move (id, content, entry_id, file_name, format, position, size_bytes, uploaded_at)
                VALUES ({id}, {content}, {_entry}, {name}, {format}, {position}, {(long)content.Length}, {at})
                """);
        }
    }

    private static async Task<bool> HoldingTableExistsAsync(ProductsDbContext db) =>
        await db.Database.SqlQuery<bool>($"SELECT to_regclass('entry_photos_to_move') IS NOT NULL AS \"Value\"").SingleAsync();
}
