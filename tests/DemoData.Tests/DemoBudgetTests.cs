using KhuyenCong.Proposals.Domain;
using Xunit;

namespace KhuyenCong.DemoData.Tests;

/// <summary>
/// The demo calls, budget envelopes and annual plans of 2014–2025: every year and source has them, each envelope
/// holds its year's approvals when they are replayed through the Proposals domain, and late dossiers are late for their call.
/// </summary>
public sealed class DemoBudgetTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    public static TheoryData<int, string> YearsAndSources()
    {
        var data = new TheoryData<int, string>();
        foreach (var year in Enumerable.Range(2014, 12))
        {
            data.Add(year, "Local");
            data.Add(year, "National");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(YearsAndSources))]
    public void Every_year_and_source_has_its_call_envelope_and_approved_plan_with_proposals(int year, string source)
    {
        Assert.Single(DemoPlan.Calls, c => c.PlanYear == year && c.FundingSource == source);
        Assert.Single(DemoPlan.Envelopes, e => e.PlanYear == year && e.FundingSource == source);
        Assert.Contains(DemoPlan.Proposals, p => p.PlanYear == year && p.FundingSource == source);
        var (decisionNumber, decisionDate) = DemoPlan.PlanDecisionOf(year, source);
        Assert.False(string.IsNullOrWhiteSpace(decisionNumber));
        Assert.True(decisionDate < DemoPlan.Proposals.Where(p => p.PlanYear == year).Min(p => p.DecidedOn), "the plan is approved before its proposals");
    }

    [Theory]
    [MemberData(nameof(YearsAndSources))]
    public void Each_envelope_admits_its_years_approvals_and_something_remains(int year, string source)
    {
        var demo = DemoPlan.Envelopes.Single(e => e.PlanYear == year && e.FundingSource == source);
        var envelope = BudgetEnvelope.Allocate(year, Enum.Parse<FundingSource>(source), demo.Allocation, demo.DecisionNumber, demo.DecisionDate, null, Now, "demo");
        var committed = 0L;
        foreach (var p in DemoPlan.Proposals.Where(p => p.PlanYear == year && p.FundingSource == source))
        {
            Assert.Null(envelope.Admit(p.Title, p.StateSupport, committed, decision: null));
            committed += p.StateSupport;
        }
        foreach (var change in demo.Changes)
        {
            envelope.Change(Enum.Parse<EnvelopeEntryKind>(change.Kind), change.Amount, change.DecisionNumber, change.DecisionDate, change.Note, Now, "demo");
        }

        Assert.Equal(demo.Allocated, envelope.Allocated);
        Assert.InRange(envelope.Allocated - committed, 0, envelope.Allocated);
    }

    [Fact]
    public void Some_envelopes_are_added_to_and_some_cut_by_later_decisions()
    {
        Assert.Contains(DemoPlan.Envelopes, e => e.Changes.Any(c => c.Kind == "Addition"));
        Assert.Contains(DemoPlan.Envelopes, e => e.Changes.Any(c => c.Kind == "Cut"));
    }

    [Fact]
    public void The_late_dossiers_are_late_for_their_call_and_the_others_on_time()
    {
        var rules = new ProposalRules();
        var late = DemoPlan.Proposals.Where(p => p.Late).ToList();
        Assert.InRange(late.Count, 3, DemoPlan.Proposals.Count / 10);
        foreach (var p in DemoPlan.Proposals)
        {
            var demo = DemoPlan.Calls.Single(c => c.PlanYear == p.PlanYear && c.FundingSource == p.FundingSource);
            var call = RegistrationCall.Open(p.PlanYear, Enum.Parse<FundingSource>(p.FundingSource), demo.Title, demo.Description, null,
                [.. Enumerable.Range(1, 9)], rules, Now, "demo");
            Assert.Equal(p.Late, call.IsLate(p.ReceivedOn));
        }
    }
}
