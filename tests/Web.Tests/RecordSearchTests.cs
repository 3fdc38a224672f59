extern alias WebApp;

using System.Net;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using WebApp::KhuyenCong.Web.Api;
using WebApp::KhuyenCong.Web.Api.Clients;
using WebApp::KhuyenCong.Web.Search;
using Xunit;

namespace KhuyenCong.Web.Tests;

/// <summary>The app bar's search without a browser: its five lookups go out together, and one that fails leaves the others.</summary>
public sealed class RecordSearchTests
{
    /// <summary>Answers each list once all five lookups have arrived, so that lookups made one after another never finish.</summary>
    private sealed class FiveAtOnce : HttpMessageHandler
    {
        private readonly TaskCompletionSource _allArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _arrived;

        public List<string> Paths { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (Paths)
            {
                Paths.Add(request.RequestUri!.PathAndQuery);
            }
            if (Interlocked.Increment(ref _arrived) == 5)
            {
                _allArrived.SetResult();
            }
            await _allArrived.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            var path = request.RequestUri!.AbsolutePath;
            if (path.StartsWith("/api/training", StringComparison.Ordinal))
            {
                throw new HttpRequestException("Connection refused");
            }
            var items = path == "/api/establishments"
                ? """[{"id":"5f0c2b9e-7d1a-4c55-9e6a-0b1f3f6a2c11","taxCode":"5700100104","name":"HTX Chè Đường Hoa","district":"Hải Hà"}]"""
                : "[]";
            return new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent($$"""{"items":{{items}},"total":{{(items == "[]" ? 0 : 1)}},"page":1,"pageSize":8}""", Encoding.UTF8, "application/json"),
            };
        }
    }

    [Fact]
    public async Task The_lookups_go_out_together_and_a_service_that_does_not_answer_gives_its_group_a_problem_not_a_failure()
    {
        var handler = new FiveAtOnce();
        var gateway = new GatewayClient(new HttpClient(handler) { BaseAddress = new Uri("http://gateway") }, new CommandKeys(TimeProvider.System),
            NullLogger<GatewayClient>.Instance);
        var search = new RecordSearch(new ProposalsClient(gateway), new EstablishmentsClient(gateway), new TrainingClient(gateway), new FairsClient(gateway),
            new ProductsClient(gateway));

        var groups = await search.FindAsync(" 5700100104 ", "5700100104", null, CancellationToken.None);

        Assert.Equal([SearchKind.Proposals, SearchKind.Establishments, SearchKind.Courses, SearchKind.Fairs, SearchKind.Products], groups.Select(g => g.Kind));
        var courses = Assert.Single(groups, g => g.Kind == SearchKind.Courses);
        Assert.True(courses.Problem is { IsUnreachable: true });
        Assert.All(groups.Where(g => g.Kind != SearchKind.Courses), g => Assert.Null(g.Problem));
        var found = Assert.Single(Assert.Single(groups, g => g.Kind == SearchKind.Establishments).Hits);
        Assert.Equal(("HTX Chè Đường Hoa", "/establishments/5f0c2b9e-7d1a-4c55-9e6a-0b1f3f6a2c11"), (found.Title, found.Href));
        // Every lookup carries the text, and the lists of an establishment's records are narrowed to its tax code.
        Assert.All(handler.Paths, p => Assert.Contains("q=5700100104", p));
        Assert.Contains(handler.Paths, p => p.StartsWith("/api/proposals?", StringComparison.Ordinal) && p.Contains("establishment=5700100104"));
        Assert.Contains(handler.Paths, p => p.StartsWith("/api/products/certificates?", StringComparison.Ordinal) && p.Contains("establishmentTaxCode=5700100104"));
    }
}
