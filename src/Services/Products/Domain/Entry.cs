using KhuyenCong.Contracts;

namespace KhuyenCong.Products.Domain;

public enum EntryStatus
{
    /// <summary>Registered; the dossier (photos) is being completed.</summary>
    Draft = 1,
    /// <summary>The dossier is complete and the product takes part in the scoring.</summary>
    Submitted = 2,
}

/// <summary>An establishment's product entered in a competition, with its dossier and the jury's score sheets.</summary>
public sealed class Entry
{
    /// <summary>The dossier holds colour photos of the product from three angles (Art. 12.1.b).</summary>
    public const int MinimumPhotos = 3;

    private readonly List<Score> _scores = [];
    private readonly List<JuryConflict> _conflicts = [];

    private Entry() { }

    public Guid Id { get; private set; }
    public Guid CompetitionId { get; private set; }
    public string EstablishmentTaxCode { get; private set; } = "";
    public string EstablishmentName { get; private set; } = "";
    public string District { get; private set; } = "";
    public ProductGroup Group { get; private set; }
    public string ProductName { get; private set; } = "";
    public string Description { get; private set; } = "";
    /// <summary>The day the dossier was received: the registration window and the lower-level certificate are judged on it.</summary>
    public DateOnly ReceivedOn { get; private set; }
    public string? LowerLevelCertificateNumber { get; private set; }
    public EntryStatus Status { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    /// <summary>1 for the first scoring; a re-score after a complaint starts the next round.</summary>
    public int ScoringRound { get; private set; }
    public bool UnderRescore { get; private set; }
    /// <summary>The council decided that this product is recognised (it is on the final list).</summary>
    public bool Recognised { get; private set; }
    public IReadOnlyList<Score> Scores => _scores;

    /// <summary>The jurors who declared a conflict of interest with the establishment and stepped out of this entry.</summary>
    public IReadOnlyList<JuryConflict> Conflicts => _conflicts;

    public IEnumerable<Score> CurrentScores => _scores.Where(s => s.Round == ScoringRound);

    internal static Entry Register(
        Guid competitionId, EstablishmentProfile establishment, ProductGroup group, string productName,
        string description, DateOnly receivedOn, string? lowerLevelCertificateNumber) => new()
        {
            Id = Guid.CreateVersion7(),
            CompetitionId = competitionId,
            EstablishmentTaxCode = establishment.TaxCode,
            EstablishmentName = establishment.Name,
            District = establishment.District,
            Group = group,
            ProductName = productName,
            Description = description,
            ReceivedOn = receivedOn,
            LowerLevelCertificateNumber = lowerLevelCertificateNumber,
            Status = EntryStatus.Draft,
            ScoringRound = 1,
        };

    /// <summary>Whether the jury member stepped out of this entry for a conflict of interest.</summary>
    public bool HasSteppedOut(Guid memberId) => _conflicts.Any(c => c.MemberId == memberId);

    /// <summary>The jurors present for this entry: the jury without those who stepped out of it.</summary>
    public IReadOnlyList<JuryMember> PresentOf(IEnumerable<JuryMember> jury) => jury.Where(m => !HasSteppedOut(m.Id)).ToList();

    /// <summary>The current round's sheets of the jurors present for this entry.</summary>
    public IReadOnlyList<Score> CurrentScoresOf(IEnumerable<JuryMember> jury)
    {
        var present = PresentOf(jury).Select(m => m.Id).ToHashSet();
        return CurrentScores.Where(s => present.Contains(s.MemberId)).ToList();
    }

    /// <summary>The average of the current round over the jurors present for this entry, once each of them has scored it; null before.</summary>
    public decimal? AverageFor(IReadOnlyCollection<JuryMember> jury)
    {
        var present = PresentOf(jury);
        var totals = CurrentScoresOf(jury).Select(s => s.Total).ToList();
        return present.Count > 0 && totals.Count == present.Count ? ScoreSheet.AverageOf(totals) : null;
    }

    internal void Submit(int photoCount, DateTimeOffset now)
    {
        if (Status != EntryStatus.Draft)
        {
            throw new ProductRuleException("illegal-transition", RuleKind.Conflict,
                $"The entry '{ProductName}' is already {Status}; only a draft entry can be submitted.")
            {
                Vietnamese = $"Sản phẩm '{ProductName}' đã ở trạng thái \"{CodeNames.VietnameseOf(Status)}\"; chỉ hồ sơ đang hoàn thiện mới nộp được.",
            };
        }
        if (photoCount < MinimumPhotos)
        {
            throw new ProductRuleException("too-few-photos", RuleKind.Unprocessable,
                $"The dossier of '{ProductName}' has {photoCount} photo(s); Art. 12.1.b asks for at least {MinimumPhotos} (front, side, top).")
            {
                Vietnamese = $"Hồ sơ của sản phẩm '{ProductName}' có {photoCount} ảnh; Điều 12 khoản 1 điểm b yêu cầu ít nhất {MinimumPhotos} ảnh (chính diện, bên cạnh, phía trên).",
            };
        }
        Status = EntryStatus.Submitted;
        SubmittedAt = now;
    }

    internal void RecordScore(Guid memberId, string userId, ScoreSheet sheet, DateTimeOffset now)
    {
        var existing = CurrentScores.SingleOrDefault(s => s.MemberId == memberId);
        if (existing is null)
        {
            _scores.Add(Score.Record(Id, memberId, ScoringRound, sheet, userId, now));
        }
        else
        {
            existing.Replace(sheet, userId, now);
        }
    }

    /// <summary>The juror steps out of this entry; the sheet they gave in the current round is withdrawn and counts for nothing.</summary>
    internal JuryConflict StepOut(Guid memberId, string userId, string reason, DateTimeOffset now)
    {
        _scores.RemoveAll(s => s.MemberId == memberId && s.Round == ScoringRound);
        var conflict = JuryConflict.Declare(Id, memberId, userId, reason, now);
        _conflicts.Add(conflict);
        return conflict;
    }

    internal void StartRescore()
    {
        ScoringRound++;
        UnderRescore = true;
    }

    internal void EndRescore() => UnderRescore = false;

    internal void SetRecognised(bool recognised) => Recognised = recognised;
}

/// <summary>What an entry keeps of the establishment (from the local copy of the registry).</summary>
public sealed record EstablishmentProfile(string TaxCode, string Name, string District);
