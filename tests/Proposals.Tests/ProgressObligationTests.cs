using KhuyenCong.Proposals.Domain;
using Xunit;

namespace KhuyenCong.Proposals.Tests;

/// <summary>The progress report a proposal owes next, and the deadlines the settlement of its advances follows.</summary>
public sealed class ProgressObligationTests
{
    private static readonly ProposalRules Rules = new();
    private const string Officer = "officer-1";

    private static DateTimeOffset On(int year, int month, int day) => new(year, month, day, 3, 0, 0, TimeSpan.Zero);

    private static Proposal InImplementation(DateOnly signedOn)
    {
        var proposal = ProposalTests.Approved();
        proposal.StartImplementation("HĐ-01", signedOn, On(2024, 3, 15), Officer);
        return proposal;
    }

    private static ProgressStatement Progress(int year, int month, int percent) =>
        new(new DateOnly(year, month, 1), percent, 10_000_000, 20_000_000, 0, "Đang lắp đặt", null);

    [Fact]
    public void The_first_report_owed_is_the_contracts_month_unless_the_contract_came_after_its_25th()
    {
        Assert.Equal(new DateOnly(2024, 3, 1), InImplementation(new DateOnly(2024, 3, 25)).NextProgressPeriod(Rules));
        Assert.Equal(new DateOnly(2024, 4, 1), InImplementation(new DateOnly(2024, 3, 26)).NextProgressPeriod(Rules));
    }

    [Fact]
    public void Only_the_report_of_the_month_owed_moves_the_obligation_on_past_every_month_already_reported()
    {
        var proposal = InImplementation(new DateOnly(2024, 3, 15));

        proposal.ReportProgress(Progress(2024, 4, 20), On(2024, 4, 20), Officer);
        Assert.Equal(new DateOnly(2024, 3, 1), proposal.NextProgressPeriod(Rules));

        proposal.ReportProgress(Progress(2024, 3, 10), On(2024, 4, 21), Officer);
        Assert.Equal(new DateOnly(2024, 5, 1), proposal.NextProgressPeriod(Rules));
    }

    [Fact]
    public void Nothing_is_owed_before_the_implementation_nor_after_its_acceptance()
    {
        Assert.Null(ProposalTests.Approved().NextProgressPeriod(Rules));
        var proposal = InImplementation(new DateOnly(2024, 3, 15));
        proposal.Accept(new Acceptance(new DateOnly(2024, 11, 20), 950_000_000, 250_000_000, 700_000_000, 0, 10, 6_000_000, "1 lò"), Rules, On(2024, 11, 20), Officer);
        Assert.Null(proposal.NextProgressPeriod(Rules));
    }

    [Fact]
    public void A_months_report_is_due_on_the_25th_and_the_day_is_a_setting()
    {
        Assert.Equal(new DateOnly(2024, 2, 25), Rules.ProgressReportDueOn(new DateOnly(2024, 2, 1)));
        var endOfMonth = new ProposalRules { ProgressReportDueDay = 31 };
        Assert.Equal(new DateOnly(2024, 2, 29), endOfMonth.ProgressReportDueOn(new DateOnly(2024, 2, 1)));
        Assert.Equal(new DateOnly(2024, 3, 31), endOfMonth.ProgressReportDueOn(new DateOnly(2024, 3, 1)));
    }

    [Fact]
    public void Advances_are_settled_by_22_January_after_the_budget_year_or_15_days_after_acceptance_if_sooner()
    {
        Assert.Equal(new DateOnly(2025, 1, 22), Rules.YearEndSettlementDeadline(2024));
        Assert.Equal(new DateOnly(2024, 10, 16), Rules.SettlementDeadline(new DateOnly(2024, 10, 1), 2024));
        Assert.Equal(new DateOnly(2025, 1, 22), Rules.SettlementDeadline(new DateOnly(2025, 1, 15), 2024));
        Assert.Equal(2024, ProposalTests.Approved().BudgetYear);
    }
}
