using System.Diagnostics;
using KhuyenCong.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace KhuyenCong.ServiceDefaults.Tests;

[Collection(ServersCollection.Name)]
public sealed class TracePropagationTests(PostgresServer postgres, RabbitMqServer rabbit)
{
    [Fact]
    public async Task The_consumer_runs_in_the_trace_of_the_request_that_wrote_the_event()
    {
        // Stands in for the telemetry pipeline: with a listener, every source records activities.
        using var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        await using var app = await TestApp.StartAsync(postgres.NewDatabase("trace"), rabbit.ConnectionString);
        var noteId = Guid.NewGuid();

        string requestTrace;
        using (var request = new Activity("POST /notes").SetIdFormat(ActivityIdFormat.W3C).Start())
        {
            requestTrace = request.TraceId.ToString();
            await app.WithDbAsync(db =>
            {
                db.Notes.Add(new Note { Id = noteId, Text = "traced" });
                db.AddIntegrationEvent(new NoteWritten(noteId, "traced"));
                return db.SaveChangesAsync();
            });
        }

        Assert.True(await Eventually.TrueWithin(TimeSpan.FromSeconds(30), () => app.WithDbAsync(db => db.NotesSeen.AnyAsync(s => s.NoteId == noteId))));
        Assert.Equal(requestTrace, NoteWrittenConsumer.TraceIds[noteId]);
    }
}
