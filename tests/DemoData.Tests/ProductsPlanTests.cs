using System.Text.Json;
using Xunit;

namespace KhuyenCong.DemoData.Tests;

public sealed class ProductsPlanTests
{
    private static readonly IReadOnlyList<DemoCompetition> Competitions = ProductsPlan.Competitions;

    [Fact]
    public void Provincial_competitions_run_in_the_odd_years_with_district_ones_and_a_regional_one()
    {
        Assert.Equal([2015, 2017, 2019, 2021, 2023, 2025], Competitions.Where(c => c.Level == "Provincial").Select(c => c.Year));
        Assert.Equal(2, Competitions.Count(c => c.Level == "District"));
        Assert.Equal("Miền Bắc", Assert.Single(Competitions, c => c.Level == "Regional").Region);
    }

    [Fact]
    public void Councils_have_the_odd_sizes_of_their_level_and_every_juror_scores_every_entry()
    {
        var sizes = new Dictionary<string, int[]> { ["District"] = [5, 7], ["Provincial"] = [7, 9], ["Regional"] = [9, 11] };
        Assert.All(Competitions, c =>
        {
            Assert.Contains(c.Council.Count, sizes[c.Level]);
            Assert.All(c.Entries, e => Assert.Equal(c.Council.Count, e.Sheets.Count));
        });
    }

    [Fact]
    public void Score_sheets_stay_within_each_criterions_points_in_hundredths()
    {
        Assert.All(Competitions.SelectMany(c => c.Entries).SelectMany(e => e.Sheets), s =>
        {
            Assert.InRange(s.Market, 0, 40);
            Assert.InRange(s.Technical, 0, 40);
            Assert.InRange(s.Cultural, 0, 10);
            Assert.InRange(s.Other, 0, 10);
            Assert.All(new[] { s.Market, s.Technical, s.Cultural, s.Other }, p => Assert.Equal(p, Math.Round(p, 2)));
        });
    }

    [Fact]
    public void Most_products_pass_the_70_points_and_some_do_not()
    {
        var entries = Competitions.SelectMany(c => c.Entries).ToList();
        Assert.InRange((double)entries.Count(e => e.Passes) / entries.Count, 0.65, 0.95);
        Assert.Contains(entries, e => !e.Passes);
    }

    [Fact]
    public void Dates_follow_the_competitions_order_and_certificates_come_after_the_complaint_period()
    {
        Assert.All(Competitions, c =>
        {
            Assert.All(c.Entries, e => Assert.InRange(e.ReceivedOn, c.OpensOn, c.ClosesOn));
            Assert.True(c.ResultsOn >= c.Entries.Max(e => e.ReceivedOn), c.Title);
            // 15 working days are at most 21 days plus a week of holidays.
            Assert.True(c.IssuedOn.DayNumber - c.ResultsOn.DayNumber > 28, c.Title);
        });
    }

    [Fact]
    public void One_result_draws_a_complaint_about_a_product_that_failed_answered_in_time_and_one_certificate_is_revoked()
    {
        var (competition, complaint) = Assert.Single(Competitions.Where(c => c.Complaint is not null).Select(c => (c, c.Complaint!)));
        Assert.False(competition.Entries[complaint.Entry].Passes);
        Assert.True(complaint.ReceivedOn > competition.ResultsOn && complaint.AnsweredOn >= complaint.ReceivedOn && complaint.AnsweredOn < competition.IssuedOn);

        var (revoked, revocation) = Assert.Single(Competitions.Where(c => c.Revocation is not null).Select(c => (c, c.Revocation!)));
        Assert.True(revoked.Entries[revocation.Entry].Passes);
        Assert.True(revocation.RevokedOn > revoked.IssuedOn);
    }

    [Fact]
    public void Regional_entries_present_2023_provincial_certificates_of_the_same_establishments_still_valid()
    {
        var regional = Competitions.Single(c => c.Level == "Regional");
        var winners2023 = Competitions.Single(c => c.Level == "Provincial" && c.Year == 2023).Entries.Where(e => e.Passes).Select(e => e.TaxCode).ToHashSet();
        Assert.NotEmpty(regional.Entries);
        Assert.All(regional.Entries, e =>
        {
            Assert.Equal(2023, e.ProvincialCertificateYear);
            Assert.Contains(e.TaxCode, winners2023);
            Assert.True(e.ReceivedOn <= new DateOnly(2025, 12, 31), "a 2023 certificate is valid until the end of 2025");
        });
    }

    [Fact]
    public void Entries_come_from_demo_establishments_once_per_product_and_titles_are_unique()
    {
        var establishments = DemoPlan.Establishments.Select(e => e.TaxCode).ToHashSet();
        Assert.All(Competitions, c =>
        {
            Assert.All(c.Entries, e => Assert.Contains(e.TaxCode, establishments));
            Assert.Equal(c.Entries.Count, c.Entries.Select(e => (e.TaxCode, e.ProductName)).Distinct().Count());
        });
        Assert.Equal(Competitions.Count, Competitions.Select(c => c.Title).Distinct().Count());
    }

    [Fact]
    public void Rounds_outside_their_levels_usual_years_name_the_decision_and_district_rounds_their_district()
    {
        Assert.All(Competitions, c =>
        {
            var usual = c.Level is "District" or "Provincial" ? c.Year % 2 == 1 : c.Year % 2 == 0;
            Assert.True(usual || c.ScheduleDecision is { } d && d.Date.Year <= c.Year, c.Title);
            Assert.Equal(c.Level == "District", c.District is not null);
        });
    }

    [Fact]
    public void Provincial_entries_from_a_district_that_held_a_round_in_the_cycle_present_its_certificate_and_load_after_it()
    {
        var districtOf = DemoPlan.Establishments.ToDictionary(e => e.TaxCode, e => e.District);
        var bound = 0;
        foreach (var provincial in Competitions.Where(c => c.Level == "Provincial"))
        {
            foreach (var entry in provincial.Entries)
            {
                var round = Competitions.SingleOrDefault(c => c.Level == "District" && c.District == districtOf[entry.TaxCode]
                    && c.Year >= provincial.Year - 1 && c.Year <= provincial.Year && c.OpensOn <= entry.ReceivedOn);
                Assert.Equal(round?.Year, entry.DistrictCertificateYear);
                if (round is not null)
                {
                    bound++;
                    var passed = Assert.Single(round.Entries, e => e.TaxCode == entry.TaxCode);
                    Assert.True(passed.Passes);
                    Assert.True(entry.ReceivedOn <= new DateOnly(round.IssuedOn.Year + 2, 12, 31) && entry.ReceivedOn > round.IssuedOn);
                    Assert.True(Competitions.ToList().IndexOf(round) < Competitions.ToList().IndexOf(provincial));
                }
            }
        }
        Assert.Equal(2, bound);
    }

    [Fact]
    public void The_products_plan_is_the_same_every_time() =>
        Assert.Equal(JsonSerializer.Serialize(ProductsPlan.Generate()), JsonSerializer.Serialize(ProductsPlan.Generate()));

    [Fact]
    public void Dossier_photos_are_real_png_images()
    {
        var photos = DemoImages.DossierPhotos(7);
        Assert.Equal(3, photos.Count);
        Assert.All(photos, p => Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, p.Content[..8]));
        Assert.Equal(3, photos.Select(p => Convert.ToBase64String(p.Content)).Distinct().Count());
    }
}
