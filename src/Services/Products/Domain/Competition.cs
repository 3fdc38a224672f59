using KhuyenCong.Contracts;
using KhuyenCong.Platform.Time;

namespace KhuyenCong.Products.Domain;

public enum CompetitionStatus
{
    Draft = 1,
    /// <summary>Announced: dossiers are registered within the registration window.</summary>
    Open = 2,
    Scoring = 3,
    /// <summary>The results are announced; complaints may be filed.</summary>
    ResultsPublished = 4,
    /// <summary>Certificates are issued; the competition is over.</summary>
    Closed = 5,
}

/// <summary>An entry's standing in the results: the average of the current round, its rank and the council's decision.</summary>
public sealed record EntryResult(Entry Entry, int ScoresReceived, decimal? Average, bool Passes, int? Rank);

/// <summary>
/// A typical rural industrial product competition (bình chọn sản phẩm CNNT tiêu biểu) at one level and
/// year: council and jury, entries, scoring, results, complaints (Circular 26/2014/TT-BCT).
/// </summary>
public sealed class Competition
{
    private const string CouncilBasis = "Thông tư 26/2014/TT-BCT, Điều 8 và Điều 9 (thành lập, cơ cấu, thành phần Hội đồng bình chọn)";
    private const string JuryBasis = "Thông tư 26/2014/TT-BCT, Điều 11 (Ban Giám khảo); Điều 16 khoản 2 (từng thành viên chấm theo phiếu tại Phụ lục 4 và tự chịu trách nhiệm về kết quả đánh giá của mình)";

    private readonly List<JuryMember> _juryMembers = [];
    private readonly List<Entry> _entries = [];
    private readonly List<Complaint> _complaints = [];

    private Competition() { }

    public Guid Id { get; private set; }
    public string Title { get; private set; } = "";
    public RecognitionLevel Level { get; private set; }
    public int Year { get; private set; }
    /// <summary>The region (khu vực) of a regional competition, e.g. "Miền Bắc"; none at other levels.</summary>
    public string? Region { get; private set; }
    /// <summary>The district-level unit of a district competition, e.g. "Hải Hà"; none at other levels.</summary>
    public string? District { get; private set; }
    /// <summary>The competent authority's decision to hold the round outside its usual years (Art. 14); none in a usual year.</summary>
    public string? ScheduleDecisionNumber { get; private set; }
    public DateOnly? ScheduleDecisionDate { get; private set; }
    public DateOnly RegistrationOpensOn { get; private set; }
    public DateOnly RegistrationClosesOn { get; private set; }
    public CompetitionStatus Status { get; private set; }
    public DateOnly? OpenedOn { get; private set; }
    /// <summary>The threshold of the rule in force when the competition was opened.</summary>
    public decimal? PassThreshold { get; private set; }
    public DateOnly? PassRuleEffectiveFrom { get; private set; }
    public DateOnly? ResultsPublishedOn { get; private set; }
    public string? ResultsDecisionNumber { get; private set; }
    /// <summary>The last day on which a complaint about the results is received.</summary>
    public DateOnly? ComplaintDeadline { get; private set; }
    public DateOnly? CertificatesIssuedOn { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    /// <summary>Concurrency token: every change of the competition or its parts updates the row, so two officers acting at once cannot both win.</summary>
    public uint Version { get; private set; }

    public IReadOnlyList<JuryMember> JuryMembers => _juryMembers;
    public IReadOnlyList<Entry> Entries => _entries;
    public IReadOnlyList<Complaint> Complaints => _complaints;

    public static Competition Create(string title, RecognitionLevel level, int year, string? region,
        DateOnly registrationOpensOn, DateOnly registrationClosesOn, DateTimeOffset now,
        string? district = null, ScheduleDecision? scheduleDecision = null)
    {
        if (!Enum.IsDefined(level))
        {
            throw new ProductRuleException("unknown-level", RuleKind.Unprocessable,
                $"{(int)level} is not a recognition level; the levels are {string.Join(", ", Enum.GetNames<RecognitionLevel>())}.")
            {
                Vietnamese = $"{(int)level} không phải là cấp bình chọn; các cấp là {string.Join(", ", Enum.GetValues<RecognitionLevel>().Select(l => CodeNames.VietnameseOf(l)))}.",
            };
        }
        if (registrationClosesOn < registrationOpensOn)
        {
            throw new ProductRuleException("invalid-registration-window", RuleKind.Unprocessable,
                $"Registration cannot close ({registrationClosesOn:yyyy-MM-dd}) before it opens ({registrationOpensOn:yyyy-MM-dd}).")
            {
                Vietnamese = $"Ngày kết thúc nhận hồ sơ ({registrationClosesOn:dd/MM/yyyy}) không được trước ngày bắt đầu ({registrationOpensOn:dd/MM/yyyy}).",
            };
        }
        if (level == RecognitionLevel.Regional && string.IsNullOrWhiteSpace(region))
        {
            throw new ProductRuleException("region-required", RuleKind.Unprocessable, "A regional competition names its region.")
            {
                Vietnamese = "Bình chọn cấp khu vực phải ghi rõ khu vực.",
            };
        }
        if (level == RecognitionLevel.District && string.IsNullOrWhiteSpace(district))
        {
            throw new ProductRuleException("district-required", RuleKind.Unprocessable, "A district competition names its district-level unit.")
            {
                Vietnamese = "Bình chọn cấp huyện phải ghi rõ đơn vị hành chính cấp huyện tổ chức.",
                LegalBasis = "Thông tư 26/2014/TT-BCT, Điều 6 khoản 2",
            };
        }
        CompetitionSchedule.Check(level, year, scheduleDecision);
        return new Competition
        {
            Id = Guid.CreateVersion7(),
            Title = title,
            Level = level,
            Year = year,
            Region = level == RecognitionLevel.Regional ? region : null,
            District = level == RecognitionLevel.District ? district : null,
            ScheduleDecisionNumber = scheduleDecision?.Number,
            ScheduleDecisionDate = scheduleDecision?.Date,
            RegistrationOpensOn = registrationOpensOn,
            RegistrationClosesOn = registrationClosesOn,
            Status = CompetitionStatus.Draft,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>
    /// Seats the council, whose members score as the jury; replaces an earlier composition while scoring has not
    /// begun. Each seat is an active account holding the Appraiser role, no account twice, exactly one chair.
    /// </summary>
    public IReadOnlyList<JuryMember> SetCouncil(IReadOnlyList<CouncilSeat> seats, DateTimeOffset now)
    {
        EnsureState("set the council of", CompetitionStatus.Draft, CompetitionStatus.Open);
        var allowed = Level.CouncilSizes();
        if (!allowed.Contains(seats.Count))
        {
            throw new ProductRuleException("council-size", RuleKind.Unprocessable,
                $"A {Level} council has {string.Join(" or ", allowed)} members (Art. 9), an odd number so that the jury reaches a majority; {seats.Count} were named.")
            {
                Vietnamese = $"Hội đồng bình chọn cấp {Level.VietnameseName()} có {string.Join(" hoặc ", allowed.Select(n => n.ToString("00")))} thành viên; đã nêu {seats.Count} thành viên.",
                LegalBasis = CouncilBasis,
            };
        }
        for (var i = 0; i < seats.Count; i++)
        {
            var seat = seats[i];
            if (seat.DisplayName is null || !seat.IsActiveAppraiser)
            {
                var why = seat.DisplayName is null ? "is not a known user account" : "is not an active account holding the Appraiser role";
                var whyVi = seat.DisplayName is null ? "không phải là tài khoản người dùng đã biết" : "không phải là tài khoản đang hoạt động có vai trò giám khảo (Appraiser)";
                throw new ProductRuleException("council-seat-not-appraiser", RuleKind.Unprocessable,
                    $"Seat {i + 1} (user '{seat.UserId}') {why}; every seat of the council is a person who scores on the jury.")
                {
                    Vietnamese = $"Ghế {i + 1} (người dùng '{seat.UserId}') {whyVi}; mỗi ghế của Hội đồng bình chọn là một người chấm điểm trong Ban Giám khảo.",
                    LegalBasis = CouncilBasis,
                };
            }
            var first = seats.Take(i).ToList().FindIndex(s => s.UserId == seat.UserId);
            if (first >= 0)
            {
                throw new ProductRuleException("duplicate-council-member", RuleKind.Unprocessable,
                    $"Seat {i + 1} names the same user as seat {first + 1} ('{seat.DisplayName}'); one person holds one seat.")
                {
                    Vietnamese = $"Ghế {i + 1} trùng người với ghế {first + 1} ('{seat.DisplayName}'); mỗi người chỉ giữ một ghế trong Hội đồng.",
                    LegalBasis = CouncilBasis,
                };
            }
        }
        var chairs = seats.Count(s => s.IsChair);
        if (chairs != 1)
        {
            throw new ProductRuleException("council-chair", RuleKind.Unprocessable,
                $"A competition council has exactly one chair; {chairs} were marked.")
            {
                Vietnamese = $"Hội đồng bình chọn có đúng một Chủ tịch Hội đồng; đã đánh dấu {chairs}.",
                LegalBasis = CouncilBasis,
            };
        }
        _juryMembers.Clear();
        _juryMembers.AddRange(seats.Select((s, i) => JuryMember.Seated(Id, i + 1, s)));
        Touch(now);
        return _juryMembers;
    }

    /// <summary>
    /// Announces the competition: registration opens and the pass rule in force today is fixed for it. The council
    /// is seated first, as the jury that will score what the announcement brings in.
    /// </summary>
    public void Open(DateOnly today, ScoringRuleBook rules, DateTimeOffset now)
    {
        EnsureStatus(CompetitionStatus.Draft, "open");
        if (_juryMembers.Count == 0)
        {
            throw new ProductRuleException("no-council", RuleKind.Unprocessable,
                $"Competition '{Title}' cannot be announced before its council (jury) is seated.")
            {
                Vietnamese = $"Chưa thể thông báo nhận hồ sơ cuộc bình chọn «{Title}»: còn thiếu Hội đồng bình chọn (Ban Giám khảo). Hãy lập hội đồng trước.",
                LegalBasis = CouncilBasis,
            };
        }
        Status = CompetitionStatus.Open;
        var rule = rules.RuleOn(today);
        OpenedOn = today;
        PassThreshold = rule.PassThreshold;
        PassRuleEffectiveFrom = rule.EffectiveFrom == DateOnly.MinValue ? null : rule.EffectiveFrom;
        Touch(now);
    }

    /// <summary>
    /// Registers a product of a known establishment, received on <paramref name="receivedOn"/>, with the valid
    /// certificate of the level below where one is required (checked by <see cref="LowerLevelPrerequisite"/>;
    /// at provincial level when <paramref name="districtRound"/> names the round its district held in the cycle).
    /// </summary>
    public Entry RegisterEntry(EstablishmentProfile establishment, ProductGroup group, string productName, string description,
        DateOnly receivedOn, Certificate? lowerLevelCertificate, string? lowerLevelCertificateNumber, DateTimeOffset now,
        DistrictRoundHeld? districtRound = null)
    {
        EnsureState("register entries in", CompetitionStatus.Open);
        if (receivedOn < RegistrationOpensOn || receivedOn > RegistrationClosesOn)
        {
            throw new ProductRuleException("outside-registration-window", RuleKind.Unprocessable,
                $"The dossier was received on {receivedOn:yyyy-MM-dd}, outside the registration window {RegistrationOpensOn:yyyy-MM-dd} – {RegistrationClosesOn:yyyy-MM-dd}.")
            {
                Vietnamese = $"Hồ sơ nhận ngày {receivedOn:dd/MM/yyyy}, ngoài thời gian tiếp nhận hồ sơ {RegistrationOpensOn:dd/MM/yyyy} – {RegistrationClosesOn:dd/MM/yyyy}.",
                LegalBasis = "Thông tư 26/2014/TT-BCT, Điều 15 khoản 1",
            };
        }
        LowerLevelPrerequisite.Check(Level, establishment.TaxCode, receivedOn, lowerLevelCertificate, lowerLevelCertificateNumber, districtRound);
        if (_entries.Any(e => e.EstablishmentTaxCode == establishment.TaxCode
                              && string.Equals(e.ProductName, productName, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ProductRuleException("duplicate-entry", RuleKind.Conflict,
                $"{establishment.Name} has already entered '{productName}' in this competition.")
            {
                Vietnamese = $"{establishment.Name} đã đăng ký sản phẩm '{productName}' trong cuộc bình chọn này.",
            };
        }
        var entry = Entry.Register(Id, establishment, group, productName, description, receivedOn,
            LowerLevelPrerequisite.RequiredLevel(Level, districtRound) is null ? null : lowerLevelCertificateNumber);
        _entries.Add(entry);
        Touch(now);
        return entry;
    }

    /// <summary>
    /// Refuses an entrant's paper (its dossier, its product's photos) unless the competition is open and the entry still
    /// a draft: once submitted, the dossier is closed, and only the Centre adds to it.
    /// </summary>
    public void EnsureEntrantMayAttach(Guid entryId)
    {
        var entry = EntryById(entryId);
        EnsureState("attach papers to entries of", CompetitionStatus.Open);
        if (entry.Status != EntryStatus.Draft)
        {
            throw new ProductRuleException("illegal-state", RuleKind.Conflict,
                $"The entry '{entry.ProductName}' is already submitted; its dossier is closed.")
            {
                Vietnamese = $"Sản phẩm '{entry.ProductName}' đã nộp hồ sơ; hồ sơ đã khóa.",
            };
        }
    }

    /// <summary>
    /// Refuses to withdraw a product photo from a submitted entry when fewer than <see cref="Entry.MinimumPhotos"/> would
    /// remain: the dossier the jury scores stays complete. A draft's photos come and go freely until it is submitted.
    /// </summary>
    public void EnsurePhotoMayBeWithdrawn(Guid entryId, int photosLeft)
    {
        var entry = EntryById(entryId);
        if (entry.Status != EntryStatus.Draft && photosLeft < Entry.MinimumPhotos)
        {
            throw new ProductRuleException("too-few-photos", RuleKind.Unprocessable,
                $"The dossier of '{entry.ProductName}' is submitted; withdrawing this photo would leave {photosLeft}, and Art. 12.1.b asks for at least {Entry.MinimumPhotos}. Add another photo first.")
            {
                Vietnamese = $"Hồ sơ của sản phẩm '{entry.ProductName}' đã nộp; rút ảnh này thì chỉ còn {photosLeft} ảnh, trong khi Điều 12 khoản 1 điểm b yêu cầu ít nhất {Entry.MinimumPhotos} ảnh. Hãy bổ sung ảnh khác trước.",
            };
        }
    }

    /// <summary>Submits the entry's dossier, whose product photos (not withdrawn) number <paramref name="photoCount"/>.</summary>
    public Entry SubmitEntry(Guid entryId, int photoCount, DateTimeOffset now)
    {
        var entry = EntryById(entryId);
        EnsureState("submit entries of", CompetitionStatus.Open);
        entry.Submit(photoCount, now);
        Touch(now);
        return entry;
    }

    /// <summary>Closes registration and starts the jury's scoring of the submitted entries.</summary>
    public void StartScoring(DateTimeOffset now)
    {
        EnsureStatus(CompetitionStatus.Open, "start scoring");
        if (_juryMembers.Count == 0)
        {
            throw new ProductRuleException("no-council", RuleKind.Unprocessable, "The council (jury) must be seated before scoring starts.")
            {
                Vietnamese = "Phải lập Hội đồng bình chọn (Ban Giám khảo) trước khi chấm điểm.",
            };
        }
        if (!_entries.Any(e => e.Status == EntryStatus.Submitted))
        {
            throw new ProductRuleException("no-submitted-entries", RuleKind.Unprocessable, "There is no submitted entry to score.")
            {
                Vietnamese = "Không có sản phẩm nào đã nộp hồ sơ để chấm điểm.",
            };
        }
        Status = CompetitionStatus.Scoring;
        Touch(now);
    }

    /// <summary>
    /// Records the sheet of a seat for a submitted entry, filled by the user holding the seat and by nobody else,
    /// while the competition is scoring or, after the results, for an entry the council ordered re-scored on a
    /// complaint. Without <paramref name="memberId"/> the seat is the one <paramref name="userId"/> holds.
    /// </summary>
    public Score Score(Guid entryId, Guid? memberId, string userId, ScoreSheet sheet, DateTimeOffset now)
    {
        var entry = EntryById(entryId);
        var member = SeatOf(memberId, userId);
        EnsureScoring(entry);
        if (entry.HasSteppedOut(member.Id))
        {
            throw new ProductRuleException("member-stepped-out", RuleKind.Unprocessable,
                $"{member.Name} declared a conflict of interest with the establishment of '{entry.ProductName}' and stepped out of it; they do not score it.")
            {
                Vietnamese = $"{member.Name} đã khai báo xung đột lợi ích với cơ sở có sản phẩm '{entry.ProductName}' và không tham gia chấm sản phẩm này.",
                LegalBasis = JuryBasis,
            };
        }
        entry.RecordScore(member.Id, userId, sheet, now);
        Touch(now);
        return entry.CurrentScores.Single(s => s.MemberId == member.Id);
    }

    /// <summary>
    /// The juror holding the seat declares a conflict of interest with the entry's establishment and steps out of
    /// that entry only: a sheet they gave for it is withdrawn, and its average is taken over the jurors present.
    /// The jury concludes by majority (Art. 11.3), so a declaration that would leave no majority of the jury
    /// present for the entry is refused; the council then replaces members (Art. 8.2).
    /// </summary>
    public JuryConflict DeclareConflict(Guid entryId, Guid? memberId, string userId, string reason, DateTimeOffset now)
    {
        var entry = EntryById(entryId);
        var member = SeatOf(memberId, userId);
        EnsureScoring(entry);
        if (entry.HasSteppedOut(member.Id))
        {
            throw new ProductRuleException("member-stepped-out", RuleKind.Conflict,
                $"{member.Name} has already declared a conflict of interest with the establishment of '{entry.ProductName}'.")
            {
                Vietnamese = $"{member.Name} đã khai báo xung đột lợi ích với cơ sở có sản phẩm '{entry.ProductName}'.",
                LegalBasis = JuryBasis,
            };
        }
        var remaining = entry.PresentOf(_juryMembers).Count - 1;
        if (remaining * 2 <= _juryMembers.Count)
        {
            throw new ProductRuleException("jury-majority", RuleKind.Unprocessable,
                $"If {member.Name} stepped out, {remaining} of the {_juryMembers.Count} jurors would remain for '{entry.ProductName}', not a majority; the jury concludes by majority (Art. 11.3), so the council replaces members before more step out.")
            {
                Vietnamese = $"Nếu {member.Name} không tham gia, chỉ còn {remaining}/{_juryMembers.Count} thành viên Ban Giám khảo chấm sản phẩm '{entry.ProductName}', không đủ đa số; Ban Giám khảo kết luận theo đa số nên Hội đồng cần bổ sung, thay thế thành viên trước.",
                LegalBasis = "Thông tư 26/2014/TT-BCT, Điều 11 khoản 3 (Ban Giám khảo kết luận theo đa số); Điều 8 khoản 2 (bổ sung, thay thế thành viên)",
            };
        }
        var conflict = entry.StepOut(member.Id, userId, reason, now);
        Touch(now);
        return conflict;
    }

    /// <summary>The submitted entries ranked by average (equal averages share a rank); unranked while incomplete.</summary>
    public IReadOnlyList<EntryResult> Results()
    {
        var threshold = PassThreshold ?? ScoringRuleBook.DefaultPassThreshold;
        var rows = _entries
            .Where(e => e.Status == EntryStatus.Submitted)
            .Select(e => (Entry: e, Received: e.CurrentScoresOf(_juryMembers).Count, Average: e.AverageFor(_juryMembers)))
            .ToList();
        var averages = rows.Where(r => r.Average is not null).Select(r => r.Average!.Value).ToList();
        return rows
            .Select(r => new EntryResult(r.Entry, r.Received, r.Average, r.Average >= threshold,
                r.Average is { } a ? 1 + averages.Count(other => other > a) : null))
            .OrderBy(r => r.Rank ?? int.MaxValue)
            .ThenBy(r => r.Entry.ProductName, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>
    /// Announces the results with the council's final list: every submitted entry is fully scored, and
    /// only entries that pass may be recognised; the council may recognise fewer (Art. 17.1).
    /// </summary>
    public void PublishResults(DateOnly publishedOn, string decisionNumber, IReadOnlyCollection<Guid> recognisedEntryIds,
        ProvinceCalendar calendar, DateTimeOffset now)
    {
        EnsureStatus(CompetitionStatus.Scoring, "publish the results of");
        var results = Results();
        var incomplete = results.Where(r => r.Average is null).ToList();
        if (incomplete.Count > 0)
        {
            throw new ProductRuleException("scoring-incomplete", RuleKind.Unprocessable,
                $"Every juror present must score every entry first; still incomplete: {string.Join(", ", incomplete.Select(r => $"'{r.Entry.ProductName}' ({r.ScoresReceived}/{r.Entry.PresentOf(_juryMembers).Count})"))}.")
            {
                Vietnamese = $"Mọi thành viên có mặt phải chấm xong mọi sản phẩm trước; còn thiếu: {string.Join(", ", incomplete.Select(r => $"'{r.Entry.ProductName}' ({r.ScoresReceived}/{r.Entry.PresentOf(_juryMembers).Count})"))}.",
            };
        }
        var lastReceived = results.Max(r => r.Entry.ReceivedOn);
        if (publishedOn < lastReceived)
        {
            throw new ProductRuleException("results-before-entries", RuleKind.Unprocessable,
                $"Results cannot be announced on {publishedOn:yyyy-MM-dd}, before the last dossier was received ({lastReceived:yyyy-MM-dd}).")
            {
                Vietnamese = $"Không thể công bố kết quả ngày {publishedOn:dd/MM/yyyy}, trước ngày nhận hồ sơ cuối cùng ({lastReceived:dd/MM/yyyy}).",
            };
        }
        foreach (var id in recognisedEntryIds)
        {
            var result = results.SingleOrDefault(r => r.Entry.Id == id)
                ?? throw new ProductRuleException("unknown-entry", RuleKind.Unprocessable, $"There is no submitted entry {id} in this competition.")
                {
                    Vietnamese = $"Không có sản phẩm đã nộp hồ sơ {id} trong cuộc bình chọn này.",
                };
            EnsurePasses(result);
        }
        foreach (var result in results)
        {
            result.Entry.SetRecognised(recognisedEntryIds.Contains(result.Entry.Id));
        }
        Status = CompetitionStatus.ResultsPublished;
        ResultsPublishedOn = publishedOn;
        ResultsDecisionNumber = decisionNumber;
        ComplaintDeadline = calendar.AddWorkingDays(publishedOn, Complaint.FilingWorkingDays);
        Touch(now);
    }

    /// <summary>Receives a complaint about an entry's result within 15 working days of the notice (Art. 20.1).</summary>
    public Complaint FileComplaint(Guid entryId, string complainant, string content, DateOnly receivedOn,
        ProvinceCalendar calendar, DateTimeOffset now)
    {
        var entry = EntryById(entryId);
        EnsureState("file complaints about", CompetitionStatus.ResultsPublished);
        if (entry.Status != EntryStatus.Submitted)
        {
            throw new ProductRuleException("illegal-state", RuleKind.Conflict, $"The entry '{entry.ProductName}' took no part in the scoring.")
            {
                Vietnamese = $"Sản phẩm '{entry.ProductName}' không tham gia chấm điểm.",
            };
        }
        if (receivedOn < ResultsPublishedOn)
        {
            throw new ProductRuleException("complaint-before-results", RuleKind.Unprocessable,
                $"A complaint received on {receivedOn:yyyy-MM-dd} predates the results published on {ResultsPublishedOn:yyyy-MM-dd}.")
            {
                Vietnamese = $"Khiếu nại nhận ngày {receivedOn:dd/MM/yyyy} trước ngày công bố kết quả {ResultsPublishedOn:dd/MM/yyyy}.",
            };
        }
        if (receivedOn > ComplaintDeadline)
        {
            throw new ProductRuleException("complaint-window-closed", RuleKind.Unprocessable,
                $"Complaints are received within {Complaint.FilingWorkingDays} working days of the results ({ResultsPublishedOn:yyyy-MM-dd}), that is until {ComplaintDeadline:yyyy-MM-dd}; this one was received on {receivedOn:yyyy-MM-dd} (Art. 20.1).")
            {
                Vietnamese = $"Thời hiệu khiếu nại là {Complaint.FilingWorkingDays} ngày làm việc kể từ ngày thông báo kết quả ({ResultsPublishedOn:dd/MM/yyyy}), tức đến hết ngày {ComplaintDeadline:dd/MM/yyyy}; đơn nhận ngày {receivedOn:dd/MM/yyyy}.",
                LegalBasis = "Thông tư 26/2014/TT-BCT, Điều 20 khoản 1",
            };
        }
        var complaint = Complaint.File(Id, entry.Id, complainant, content, receivedOn,
            calendar.AddWorkingDays(receivedOn, Complaint.AnswerWorkingDays), entry.AverageFor(_juryMembers));
        _complaints.Add(complaint);
        Touch(now);
        return complaint;
    }

    /// <summary>The council orders the jury to score the entry again; every member then fills a new sheet.</summary>
    public Complaint OrderRescore(Guid complaintId, DateTimeOffset now)
    {
        var complaint = ComplaintById(complaintId);
        EnsureState("order a re-score in", CompetitionStatus.ResultsPublished);
        if (complaint.Status != ComplaintStatus.Open)
        {
            throw new ProductRuleException("illegal-transition", RuleKind.Conflict,
                $"The complaint is {complaint.Status}; a re-score is ordered on an open complaint.")
            {
                Vietnamese = $"Khiếu nại đang ở trạng thái {CodeNames.VietnameseOf(complaint.Status)}; chỉ chấm lại theo khiếu nại mới nhận.",
            };
        }
        var entry = EntryById(complaint.EntryId);
        if (entry.UnderRescore)
        {
            throw new ProductRuleException("illegal-state", RuleKind.Conflict, $"'{entry.ProductName}' is already being scored again.")
            {
                Vietnamese = $"Sản phẩm '{entry.ProductName}' đang được chấm lại.",
            };
        }
        entry.StartRescore();
        complaint.StartRescore();
        Touch(now);
        return complaint;
    }

    /// <summary>
    /// Answers a complaint. After a re-score the new average stands; an entry that no longer passes leaves
    /// the final list. <paramref name="recognise"/> is the council's decision on the entry, when it takes one.
    /// </summary>
    public Complaint AnswerComplaint(Guid complaintId, string answer, DateOnly answeredOn, bool? recognise, DateTimeOffset now)
    {
        var complaint = ComplaintById(complaintId);
        EnsureState("answer complaints in", CompetitionStatus.ResultsPublished);
        if (!complaint.IsPending)
        {
            throw new ProductRuleException("illegal-transition", RuleKind.Conflict, "The complaint is already answered.")
            {
                Vietnamese = "Khiếu nại đã được trả lời.",
            };
        }
        if (answeredOn < complaint.ReceivedOn)
        {
            throw new ProductRuleException("answer-before-complaint", RuleKind.Unprocessable,
                $"The answer ({answeredOn:yyyy-MM-dd}) cannot predate the complaint ({complaint.ReceivedOn:yyyy-MM-dd}).")
            {
                Vietnamese = $"Ngày trả lời ({answeredOn:dd/MM/yyyy}) không được trước ngày nhận khiếu nại ({complaint.ReceivedOn:dd/MM/yyyy}).",
            };
        }
        var entry = EntryById(complaint.EntryId);
        if (complaint.Status == ComplaintStatus.Rescoring)
        {
            var received = entry.CurrentScoresOf(_juryMembers).Count;
            var present = entry.PresentOf(_juryMembers).Count;
            if (received < present)
            {
                throw new ProductRuleException("rescoring-incomplete", RuleKind.Unprocessable,
                    $"The re-score of '{entry.ProductName}' has {received} of {present} sheets; every juror present scores again before the answer.")
                {
                    Vietnamese = $"Việc chấm lại sản phẩm '{entry.ProductName}' mới có {received}/{present} phiếu; mọi thành viên có mặt chấm lại trước khi trả lời.",
                };
            }
            entry.EndRescore();
        }
        else if (entry.UnderRescore)
        {
            throw new ProductRuleException("illegal-state", RuleKind.Conflict,
                $"'{entry.ProductName}' is being scored again on another complaint; answer that one first, so this answer rests on the new average.")
            {
                Vietnamese = $"Sản phẩm '{entry.ProductName}' đang được chấm lại theo khiếu nại khác; trả lời khiếu nại đó trước để câu trả lời này dựa trên điểm trung bình mới.",
            };
        }
        var result = Results().Single(r => r.Entry.Id == entry.Id);
        var before = entry.Recognised;
        if (recognise == true)
        {
            EnsurePasses(result);
        }
        entry.SetRecognised(result.Passes && (recognise ?? before));
        complaint.Close(answer, answeredOn, result.Average, before != entry.Recognised);
        Touch(now);
        return complaint;
    }

    /// <summary>
    /// Closes the competition when the complaint period is over and every complaint is answered; the
    /// recognised entries are returned for their certificates, issued on <paramref name="issuedOn"/>.
    /// </summary>
    public IReadOnlyList<EntryResult> Close(DateOnly issuedOn, DateTimeOffset now)
    {
        EnsureStatus(CompetitionStatus.ResultsPublished, "close");
        if (issuedOn <= ComplaintDeadline)
        {
            throw new ProductRuleException("complaint-window-open", RuleKind.Unprocessable,
                $"Complaints may be received until {ComplaintDeadline:yyyy-MM-dd}; certificates are issued after that ({issuedOn:yyyy-MM-dd} was given).")
            {
                Vietnamese = $"Khiếu nại còn được nhận đến hết ngày {ComplaintDeadline:dd/MM/yyyy}; Giấy chứng nhận được cấp sau thời hạn đó (ngày đã nhập: {issuedOn:dd/MM/yyyy}).",
                LegalBasis = "Thông tư 26/2014/TT-BCT, Điều 20 khoản 1",
            };
        }
        var pending = _complaints.Count(c => c.IsPending);
        if (pending > 0)
        {
            throw new ProductRuleException("complaints-pending", RuleKind.Conflict,
                $"{pending} complaint(s) are not answered yet; the council answers every complaint before certificates are issued.")
            {
                Vietnamese = $"Còn {pending} đơn khiếu nại chưa được giải quyết; Hội đồng giải quyết mọi khiếu nại trước khi cấp Giấy chứng nhận.",
                LegalBasis = "Thông tư 26/2014/TT-BCT, Điều 20 khoản 2",
            };
        }
        Status = CompetitionStatus.Closed;
        CertificatesIssuedOn = issuedOn;
        Touch(now);
        return Results().Where(r => r.Entry.Recognised).ToList();
    }

    private void EnsurePasses(EntryResult result)
    {
        if (!result.Passes)
        {
            throw new ProductRuleException("entry-did-not-pass", RuleKind.Unprocessable,
                $"'{result.Entry.ProductName}' averages {result.Average} points, below the {PassThreshold} needed to be recognised (Art. 17.1).")
            {
                Vietnamese = $"Sản phẩm '{result.Entry.ProductName}' đạt điểm bình quân {result.Average}, dưới mức {PassThreshold} điểm để được công nhận.",
                LegalBasis = "Thông tư 26/2014/TT-BCT, Điều 17 khoản 1",
            };
        }
    }

    /// <summary>
    /// Scores are taken, and conflicts declared, while the competition is scoring, or for an entry under re-score
    /// after the results; only for submitted entries.
    /// </summary>
    private void EnsureScoring(Entry entry)
    {
        var rescoring = Status == CompetitionStatus.ResultsPublished && entry.UnderRescore;
        if (Status != CompetitionStatus.Scoring && !rescoring)
        {
            throw new ProductRuleException("illegal-state", RuleKind.Conflict, Status == CompetitionStatus.ResultsPublished
                ? $"The results are published; '{entry.ProductName}' is scored again only when the council orders a re-score on a complaint."
                : $"Cannot score entries of a competition that is {Status}; scores are taken while it is Scoring.")
            {
                Vietnamese = Status == CompetitionStatus.ResultsPublished
                    ? $"Kết quả đã công bố; sản phẩm '{entry.ProductName}' chỉ được chấm lại khi Hội đồng quyết định chấm lại theo khiếu nại."
                    : "Ban Giám khảo chỉ chấm điểm khi cuộc bình chọn đang ở giai đoạn chấm điểm.",
                LegalBasis = "Thông tư 26/2014/TT-BCT, Điều 16 và Điều 20",
            };
        }
        if (entry.Status != EntryStatus.Submitted)
        {
            throw new ProductRuleException("illegal-state", RuleKind.Conflict,
                $"The entry '{entry.ProductName}' was not submitted and takes no part in the scoring.")
            {
                Vietnamese = $"Sản phẩm '{entry.ProductName}' chưa nộp đủ hồ sơ nên không tham gia chấm điểm.",
                LegalBasis = "Thông tư 26/2014/TT-BCT, Điều 12 và Điều 16",
            };
        }
    }

    /// <summary>
    /// The seat, when the user holds it; another user (an officer or administrator included) never acts for a juror.
    /// Without <paramref name="memberId"/>, the seat the user holds.
    /// </summary>
    private JuryMember SeatOf(Guid? memberId, string userId)
    {
        var member = memberId is { } id
            ? _juryMembers.SingleOrDefault(m => m.Id == id)
                ?? throw new ProductRuleException("not-a-jury-member", RuleKind.Unprocessable,
                    $"{id} is not a member of the jury of this competition; only its members score.")
                {
                    Vietnamese = $"{id} không phải là thành viên Ban Giám khảo của cuộc bình chọn này; chỉ thành viên Ban Giám khảo chấm điểm.",
                    LegalBasis = JuryBasis,
                }
            : _juryMembers.SingleOrDefault(m => m.UserId is not null && string.Equals(m.UserId, userId, StringComparison.Ordinal))
                ?? throw new ProductRuleException("not-your-seat", RuleKind.Forbidden,
                    "You hold no seat on the jury of this competition; only its members score and declare conflicts, each for their own seat.")
                {
                    Vietnamese = "Bạn không giữ ghế nào trong Ban Giám khảo của cuộc bình chọn này; chỉ thành viên Ban Giám khảo chấm điểm và khai báo xung đột lợi ích cho ghế của mình.",
                    LegalBasis = JuryBasis,
                };
        if (member.UserId is null || !string.Equals(member.UserId, userId, StringComparison.Ordinal))
        {
            throw new ProductRuleException("not-your-seat", RuleKind.Forbidden,
                $"Only the juror holding this seat ({member.Name}) fills its sheets or declares its conflicts; nobody else acts for them.")
            {
                Vietnamese = $"Chỉ thành viên giữ ghế này ({member.Name}) mới được chấm phiếu hoặc khai báo xung đột lợi ích của mình; người khác không làm thay.",
                LegalBasis = JuryBasis,
            };
        }
        return member;
    }

    private Entry EntryById(Guid entryId) => _entries.SingleOrDefault(e => e.Id == entryId)
        ?? throw ProductRuleException.NotFound("entry", entryId);

    private Complaint ComplaintById(Guid complaintId) => _complaints.SingleOrDefault(c => c.Id == complaintId)
        ?? throw ProductRuleException.NotFound("complaint", complaintId);

    private void Transition(CompetitionStatus from, CompetitionStatus to, string action)
    {
        EnsureStatus(from, action);
        Status = to;
    }

    private void EnsureStatus(CompetitionStatus required, string action)
    {
        if (Status != required)
        {
            throw new ProductRuleException("illegal-transition", RuleKind.Conflict,
                $"Cannot {action} the competition '{Title}': it is {Status}, and this is done when it is {required}.")
            {
                Vietnamese = $"Không thể thực hiện thao tác này với cuộc bình chọn '{Title}': đang ở trạng thái \"{CodeNames.VietnameseOf(Status)}\", thao tác chỉ làm được ở trạng thái \"{CodeNames.VietnameseOf(required)}\".",
            };
        }
    }

    private void EnsureState(string action, params CompetitionStatus[] allowed)
    {
        if (!allowed.Contains(Status))
        {
            throw new ProductRuleException("illegal-state", RuleKind.Conflict,
                $"Cannot {action} the competition '{Title}': it is {Status}, and this is done when it is {string.Join(" or ", allowed)}.")
            {
                Vietnamese = $"Không thể thực hiện thao tác này với cuộc bình chọn '{Title}': đang ở trạng thái \"{CodeNames.VietnameseOf(Status)}\", thao tác chỉ làm được ở trạng thái {string.Join(" hoặc ", allowed.Select(a => $"\"{CodeNames.VietnameseOf(a)}\""))}.",
            };
        }
    }

    private void Touch(DateTimeOffset now) => UpdatedAt = now;
}
