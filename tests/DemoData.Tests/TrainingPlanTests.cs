using System.Text.Json;
using Xunit;

namespace KhuyenCong.DemoData.Tests;

public sealed class TrainingPlanTests
{
    private static readonly IReadOnlyList<DemoCourse> Courses = TrainingPlan.Courses;

    [Fact]
    public void Every_proposal_of_content_groups_1_and_2_has_its_course_and_the_Centre_plans_two_more_each_year()
    {
        var funding = DemoPlan.Proposals.Where(p => p.ContentGroup is 1 or 2).Select(p => p.Title).ToList();
        Assert.NotEmpty(funding);
        Assert.Equal(funding, Courses.Where(c => c.FundedByProposal).Select(c => c.Title));
        for (var year = 2014; year <= 2025; year++)
        {
            var planned = Courses.Where(c => !c.FundedByProposal && c.PlanYear == year).Select(c => c.Type).Order();
            Assert.Equal(["ManagementCourse", "StaffTraining"], planned);
        }
    }

    [Fact]
    public void Each_course_seats_20_to_35_trainees_to_its_capacity_within_its_plan_year()
    {
        Assert.All(Courses, c =>
        {
            Assert.InRange(c.Capacity, 20, 35);
            Assert.Equal(c.Capacity, c.Trainees.Count);
            Assert.Equal(c.Capacity, c.EmployedAfter.Count);
            Assert.True(c.StartDate.Year == c.PlanYear && c.EndDate.Year == c.PlanYear && c.StartDate <= c.EndDate, c.Title);
            Assert.All(c.Sessions, s => Assert.InRange(s.HeldOn, c.StartDate, c.EndDate));
            Assert.All(c.Sessions, s => Assert.All(s.Present, seat => Assert.InRange(seat, 0, c.Capacity - 1)));
        });
    }

    [Fact]
    public void Most_trainees_attend_over_80_percent_and_a_few_in_every_course_fall_short()
    {
        var trainees = Courses.Sum(c => c.Trainees.Count);
        var completing = Courses.Sum(c => c.Completing);
        Assert.InRange((decimal)completing / trainees, 0.9m, 0.98m);
        Assert.All(Courses, c => Assert.InRange(c.Capacity - c.Completing, 1, 2));
    }

    [Fact]
    public void Trainees_are_women_and_men_of_the_provinces_ethnic_groups_of_working_age()
    {
        var trainees = Courses.SelectMany(c => c.Trainees.Select(t => (Course: c, Trainee: t))).ToList();
        var women = trainees.Count(x => x.Trainee.Gender == "Female");
        Assert.InRange((double)women / trainees.Count, 0.35, 0.65);
        Assert.Superset(new HashSet<string> { "Kinh", "Tày", "Dao", "Sán Dìu", "Sán Chay" }, trainees.Select(x => x.Trainee.EthnicGroup).ToHashSet());
        Assert.InRange((double)trainees.Count(x => x.Trainee.EthnicGroup != "Kinh") / trainees.Count, 0.1, 0.4);
        Assert.All(trainees, x => Assert.InRange(x.Course.PlanYear - x.Trainee.BirthYear, 18, 58));
    }

    [Fact]
    public void Phones_and_course_titles_are_unique_so_a_second_run_finds_what_the_first_created()
    {
        var phones = Courses.SelectMany(c => c.Trainees).Select(t => t.Phone).ToList();
        Assert.Equal(phones.Count, phones.Distinct().Count());
        Assert.All(Courses, c => Assert.Single(c.Trainees.Select(t => t.Phone[..6]).Distinct()));
        Assert.Equal(Courses.Count, Courses.Select(c => (c.PlanYear, c.Title)).Distinct().Count());
        var establishments = DemoPlan.Establishments.Select(e => e.TaxCode).ToHashSet();
        Assert.All(Courses.SelectMany(c => c.Trainees), t => Assert.True(t.EstablishmentTaxCode is null || establishments.Contains(t.EstablishmentTaxCode)));
    }

    [Fact]
    public void The_training_plan_is_the_same_every_time() =>
        Assert.Equal(JsonSerializer.Serialize(TrainingPlan.Generate()), JsonSerializer.Serialize(TrainingPlan.Generate()));
}
