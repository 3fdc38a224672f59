namespace KhuyenCong.Contracts.Reconciliation;

/// <summary>
/// An owning service's own figures for plan years <see cref="FromYear"/>..<see cref="ToYear"/>, one value
/// per figure and year (0 when nothing counts), computed with the definitions Reporting's projections
/// use, so that Reporting can check its read models against them.
/// </summary>
public sealed record OwnerFigures(int FromYear, int ToYear, IReadOnlyList<YearFigure> Figures)
{
    /// <summary>Every figure for every year of the range, taking the values given and 0 for the rest.</summary>
    public static OwnerFigures For(int fromYear, int toYear, IEnumerable<string> figures, IEnumerable<YearFigure> values)
    {
        var known = values.GroupBy(v => (v.Figure, v.Year)).ToDictionary(g => g.Key, g => g.Sum(v => v.Value));
        return new OwnerFigures(fromYear, toYear,
        [
            .. from figure in figures
               from year in Enumerable.Range(fromYear, toYear - fromYear + 1)
               select new YearFigure(figure, year, known.GetValueOrDefault((figure, year))),
        ]);
    }
}

/// <summary>One figure (a count or an amount in VND) of one plan year.</summary>
public sealed record YearFigure(string Figure, int Year, long Value);

/// <summary>The names of the reconciled figures, shared by the owning services and Reporting.</summary>
public static class ReconciledFigures
{
    public static class Proposals
    {
        /// <summary>Approved and not cancelled.</summary>
        public const string Approved = "approvedProposals";
        public const string TotalBudget = "totalBudget";
        /// <summary>The approved state support of approved proposals.</summary>
        public const string ApprovedSupport = "approvedSupport";
        public const string OwnCapital = "ownCapital";
        public const string OtherSources = "otherSources";
        /// <summary>Accepted and not cancelled.</summary>
        public const string Accepted = "acceptedProposals";
        /// <summary>Of accepted proposals: the settled support, else the support used at acceptance.</summary>
        public const string SupportUsed = "supportUsed";
        /// <summary>Every advance paid, whatever became of the proposal.</summary>
        public const string AdvancesPaid = "advancesPaid";
        /// <summary>The advances of proposals not settled yet (a cancelled proposal's included), less what was refunded of them.</summary>
        public const string AdvancesOutstanding = "advancesOutstanding";
        /// <summary>Every refund recorded, whatever became of the proposal.</summary>
        public const string Refunded = "refunded";
        /// <summary>The budget envelopes of the plan year, every funding source: allocations with their additions, less their cuts.</summary>
        public const string Allocated = "allocated";
        /// <summary>The annual plans of the plan year in force, every funding source: the planned support of the items of each plan's last approved version.</summary>
        public const string Planned = "planned";
        /// <summary>The lists of national proposals sent to the Ministry for the plan year: the national support they ask.</summary>
        public const string NationalRequested = "nationalRequested";
        /// <summary>What the Ministry approved of the plan year's national proposals, by the decisions recorded.</summary>
        public const string NationalApproved = "nationalApproved";

        public static readonly IReadOnlyList<string> All =
            [Approved, TotalBudget, ApprovedSupport, OwnCapital, OtherSources, Accepted, SupportUsed, AdvancesPaid, AdvancesOutstanding, Refunded, Allocated, Planned,
             NationalRequested, NationalApproved];
    }

    public static class Training
    {
        /// <summary>Courses opened for enrolment (published) and not cancelled.</summary>
        public const string Courses = "courses";
        public const string CoursesCompleted = "coursesCompleted";
        /// <summary>Trainees seated in completed courses.</summary>
        public const string Enrolled = "enrolled";
        public const string Completed = "completed";
        public const string Certified = "certified";
        public const string EmployedAfter = "employedAfter";

        public static readonly IReadOnlyList<string> All = [Courses, CoursesCompleted, Enrolled, Completed, Certified, EmployedAfter];
    }

    public static class Fairs
    {
        /// <summary>Fairs with an outcome recorded, not cancelled, with at least one participant with booths; by start year.</summary>
        public const string Held = "fairsHeld";
        /// <summary>Over the participants (registrations with booths) of the fairs held.</summary>
        public const string Booths = "booths";
        public const string Contracts = "contracts";
        public const string ContractValue = "contractValue";
        public const string Sales = "salesValue";
        public const string Visitors = "visitors";
        public const string Support = "totalSupport";

        public static readonly IReadOnlyList<string> All = [Held, Booths, Contracts, ContractValue, Sales, Visitors, Support];
    }

    public static class Products
    {
        /// <summary>Certificates issued, by competition year.</summary>
        public const string Recognised = "recognised";
        /// <summary>Neither revoked nor expired, and not past their expiry date today.</summary>
        public const string Valid = "validCertificates";
        public const string Revoked = "revoked";

        public static readonly IReadOnlyList<string> All = [Recognised, Valid, Revoked];
    }
}
