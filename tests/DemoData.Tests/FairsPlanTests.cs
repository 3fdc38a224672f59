using System.Text.Json;
using Xunit;

namespace KhuyenCong.DemoData.Tests;

public sealed class FairsPlanTests
{
    private static readonly IReadOnlyList<DemoFair> Fairs = FairsPlan.Fairs;

    [Fact]
    public void Every_year_from_2016_to_2025_has_fairs_of_the_programme_in_Ha_Long_and_others_in_Ha_Noi_online_and_abroad()
    {
        Assert.Equal(Enumerable.Range(2016, 10), Fairs.Select(f => f.StartDate.Year).Distinct().Order());
        Assert.All(Enumerable.Range(2016, 10), year => Assert.Contains(Fairs, f => f.StartDate.Year == year && f.Kind == "DomesticProgramme" && f.Province == "Quảng Ninh"));
        Assert.Contains(Fairs, f => f.Kind == "OtherDomestic" && f.Province == "Hà Nội");
        Assert.Contains(Fairs, f => f.Kind == "Online");
        Assert.Equal(["Nhật Bản", "Trung Quốc"], Fairs.Where(f => f.Kind == "Overseas").Select(f => f.Country).Order());
        Assert.Equal("DomesticProgramme", Assert.Single(Fairs, f => f.CancellationReason is not null).Kind);
    }

    [Fact]
    public void Several_fairs_draw_more_demand_than_they_have_booths()
    {
        var short_ = Fairs.Where(f => f.CancellationReason is null && f.BoothsWanted > f.BoothCount).ToList();
        Assert.True(short_.Count >= 5, $"{short_.Count} fairs short of booths");
        Assert.Contains(Fairs, f => f.BoothsWanted <= f.BoothCount);
    }

    [Fact]
    public void Forms_arrive_between_publication_and_deadline_from_distinct_demo_establishments()
    {
        var establishments = DemoPlan.Establishments.Select(e => e.TaxCode).ToHashSet();
        Assert.All(Fairs, f =>
        {
            Assert.True(f.PublishedOn < f.RegistrationDeadline && f.RegistrationDeadline <= f.StartDate && f.StartDate <= f.EndDate, f.Name);
            Assert.All(f.Registrations, r => Assert.InRange(r.ReceivedOn, f.PublishedOn, f.RegistrationDeadline));
            Assert.All(f.Registrations, r => Assert.Contains(r.TaxCode, establishments));
            Assert.Equal(f.Registrations.Count, f.Registrations.Select(r => r.TaxCode).Distinct().Count());
            Assert.All(f.Registrations, r => Assert.True(r.BoothsWanted >= 1 && r.BoothsWanted <= f.BoothCount && r.Products.Count > 0));
            Assert.All(f.Registrations, r => Assert.True(r.Outcome.ContractsSigned > 0 || r.Outcome.ContractValue == 0));
        });
    }

    [Fact]
    public void Fair_names_are_unique_so_a_second_run_finds_what_the_first_created() =>
        Assert.Equal(Fairs.Count, Fairs.Select(f => f.Name).Distinct().Count());

    [Fact]
    public void The_fairs_plan_is_the_same_every_time() =>
        Assert.Equal(JsonSerializer.Serialize(FairsPlan.Generate()), JsonSerializer.Serialize(FairsPlan.Generate()));
}
