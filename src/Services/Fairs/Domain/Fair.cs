using KhuyenCong.Contracts;
using KhuyenCong.Platform.Time;
using KhuyenCong.ServiceDefaults.Http;

namespace KhuyenCong.Fairs.Domain;

/// <summary>The fair's figures over its participants (registrations with booths allocated).</summary>
public sealed record OutcomeTotals(int Participants, int ParticipantsReported, int Booths, int ContractsSigned, long ContractValue, long Sales, int Visitors, long TotalSupport);

/// <summary>
/// A trade-promotion fair or exhibition (content group 4): published for registration, registrations by
/// known establishments until the deadline, booth allocation by <see cref="BoothAllocationRule"/> with
/// officers' overrides, and the participants' outcomes after it is held. Every move is checked against
/// <see cref="FairLifecycle"/>.
/// </summary>
public sealed class Fair
{
    private readonly List<FairRegistration> _registrations = [];

    private Fair() { }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public FairKind Kind { get; private set; }
    public string Organiser { get; private set; } = "";
    public string Venue { get; private set; } = "";
    public string Country { get; private set; } = "";
    public string? Province { get; private set; }
    public DateOnly StartDate { get; private set; }
    public DateOnly EndDate { get; private set; }
    public DateOnly RegistrationDeadline { get; private set; }
    public int BoothCount { get; private set; }
    /// <summary>Rent of one booth for the whole fair, VND.</summary>
    public long BoothRent { get; private set; }
    public SupportPolicy Policy { get; private set; } = new(0, 0, "");
    /// <summary>The cap the share was checked against: the norm in force on the start date (none when there was no norm).</summary>
    public decimal? RentShareCapPercent { get; private set; }
    public DateOnly? RentShareCapEffectiveFrom { get; private set; }
    public string? RentShareCapLegalBasis { get; private set; }

    public FairStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset? PublishedAt { get; private set; }
    public DateTimeOffset? RegistrationClosedAt { get; private set; }
    public DateTimeOffset? AllocatedAt { get; private set; }
    public string? AllocatedBy { get; private set; }
    /// <summary>Grows with the allocation run and each override; sent with every BoothAllocated.</summary>
    public int AllocationRevision { get; private set; }
    /// <summary>Grows with every outcome recorded; sent with every FairOutcomeRecorded.</summary>
    public int OutcomeRevision { get; private set; }
    public DateTimeOffset? HeldAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    public string? CancellationReason { get; private set; }

    public IReadOnlyList<FairRegistration> Registrations => _registrations;

    /// <summary>Concurrency token: two officers acting on one fair at once cannot both win.</summary>
    public uint Version { get; private set; }

    public int BoothsAllocated => _registrations.Sum(r => r.BoothsAllocated);

    /// <summary>A new draft; <paramref name="norm"/> is the norm of its kind in force on its start date, or none.</summary>
    public static Fair CreateDraft(FairDetails details, FairSupportNorm? norm, DateTimeOffset now, string actedBy)
    {
        var fair = new Fair { Id = Guid.CreateVersion7(), Status = FairStatus.Draft, CreatedAt = now, CreatedBy = actedBy };
        fair.Apply(details, norm);
        return fair;
    }

    /// <summary>Only a draft can be rewritten: once published, establishments register against what it says.</summary>
    public void Revise(FairDetails details, FairSupportNorm? norm)
    {
        if (Status != FairStatus.Draft)
        {
            throw new FairRuleException("not-editable", RuleKind.Conflict, $"The fair is {Status}; only a Draft fair can be edited.")
            {
                Vietnamese = $"Hội chợ đang ở trạng thái {CodeNames.VietnameseOf(Status)}; chỉ sửa được hội chợ ở trạng thái Bản nháp.",
            };
        }
        Apply(details, norm);
    }

    /// <summary>
    /// The officer may cover a share of booth rent up to the norm in force on the start date, never more; with
    /// no norm for the kind (an online fair, until the province enters one) the programme covers none.
    /// </summary>
    private static void CheckShare(FairDetails details, FairSupportNorm? norm)
    {
        var share = details.Policy.RentSharePercent;
        if (norm is not null)
        {
            if (share > norm.MaxRentSharePercent)
            {
                throw new FairRuleException("support-share-above-norm", RuleKind.Unprocessable,
                    $"The norm in force on {details.StartDate:yyyy-MM-dd} covers at most {norm.MaxRentSharePercent:0.##} % of booth rent for a {details.Kind} fair (since {norm.EffectiveFrom:yyyy-MM-dd}); {share:0.##} % was asked.")
                {
                    Vietnamese = $"Định mức áp dụng ngày {details.StartDate:dd/MM/yyyy} hỗ trợ tối đa {norm.MaxRentSharePercent:0.##} % tiền thuê gian hàng cho loại hội chợ này (từ ngày {norm.EffectiveFrom:dd/MM/yyyy}); mức đề nghị là {share:0.##} %.",
                    LegalBasis = norm.LegalBasis,
                };
            }
            return;
        }
        if (share > 0)
        {
            throw new FairRuleException("no-support-norm", RuleKind.Unprocessable,
                $"No norm covers booth rent of a {details.Kind} fair on {details.StartDate:yyyy-MM-dd}; the programme covers none until one is entered.")
            {
                Vietnamese = $"Chưa có định mức hỗ trợ tiền thuê gian hàng cho loại hội chợ này áp dụng ngày {details.StartDate:dd/MM/yyyy}; chưa được hỗ trợ cho đến khi định mức được ban hành.",
                LegalBasis = "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 2 điểm d và đ",
            };
        }
    }

    private void Apply(FairDetails details, FairSupportNorm? norm)
    {
        details.Check();
        // A norm of another kind, or not yet in force on the start date, is no cap for this fair.
        var cap = norm is not null && norm.Kind == details.Kind && norm.EffectiveFrom <= details.StartDate ? norm : null;
        CheckShare(details, cap);
        RentShareCapPercent = cap?.MaxRentSharePercent;
        RentShareCapEffectiveFrom = cap?.EffectiveFrom;
        RentShareCapLegalBasis = cap?.LegalBasis;
        Name = details.Name;
        Kind = details.Kind;
        Organiser = details.Organiser;
        Venue = details.Venue;
        Country = details.Country;
        Province = details.Province;
        StartDate = details.StartDate;
        EndDate = details.EndDate;
        RegistrationDeadline = details.RegistrationDeadline;
        BoothCount = details.BoothCount;
        BoothRent = details.BoothRent;
        Policy = details.Policy;
    }

    /// <summary>
    /// Opens the fair for registration, today or, recorded after the fact, on <paramref name="publishedOn"/>
    /// (a day that has come); either way on or before the registration deadline.
    /// </summary>
    public void Publish(DateTimeOffset now, DateOnly? publishedOn = null)
    {
        var day = RecordedDay(publishedOn, "publishedOn", now);
        if (day > RegistrationDeadline)
        {
            throw new FairRuleException("registration-deadline-passed", RuleKind.Unprocessable, publishedOn is null
                ? $"The registration deadline {RegistrationDeadline:yyyy-MM-dd} has passed; set a later one before publishing."
                : $"A fair published on {day:yyyy-MM-dd} leaves no time to register: its deadline is {RegistrationDeadline:yyyy-MM-dd}.")
            {
                Vietnamese = publishedOn is null ? $"Hạn đăng ký {RegistrationDeadline:dd/MM/yyyy} đã qua; hãy đặt hạn muộn hơn trước khi công bố." : $"Hội chợ công bố ngày {day:dd/MM/yyyy} không còn thời gian đăng ký: hạn đăng ký là {RegistrationDeadline:dd/MM/yyyy}.",
            };
        }
        Move(FairStatus.OpenForRegistration);
        PublishedAt = publishedOn is null ? now : ProvinceCalendar.StartOfDay(day);
    }

    /// <summary>
    /// Registers an establishment: only while the fair is open and on or before the deadline (a calendar
    /// day in the province), once per establishment, for no more booths than the fair has. A form the
    /// Centre received earlier and records now gives <paramref name="receivedOn"/> (a day that has come,
    /// not after the deadline, not before the fair was published); that day's start is then its registration
    /// time in the allocation order.
    /// </summary>
    public FairRegistration Register(RegisteringEstablishment establishment, string[] products, int boothsWanted, RegistrationContact contact,
        DateTimeOffset now, DateOnly? receivedOn = null)
    {
        if (Status != FairStatus.OpenForRegistration)
        {
            throw new FairRuleException("registration-not-open", RuleKind.Conflict, $"The fair is {Status}; establishments register only while it is open for registration.")
            {
                Vietnamese = $"Hội chợ đang ở trạng thái {CodeNames.VietnameseOf(Status)}; cơ sở chỉ đăng ký được khi hội chợ đang mở đăng ký.",
            };
        }
        var day = RecordedDay(receivedOn, "receivedOn", now);
        if (day > RegistrationDeadline)
        {
            throw new FairRuleException("registration-deadline-passed", RuleKind.Unprocessable, receivedOn is null
                ? $"Registration closed at the end of {RegistrationDeadline:yyyy-MM-dd}."
                : $"The form was received on {day:yyyy-MM-dd}, after registration closed at the end of {RegistrationDeadline:yyyy-MM-dd}.")
            {
                Vietnamese = receivedOn is null ? $"Đã hết hạn đăng ký vào cuối ngày {RegistrationDeadline:dd/MM/yyyy}." : $"Phiếu đăng ký nhận ngày {day:dd/MM/yyyy}, sau khi hết hạn đăng ký vào cuối ngày {RegistrationDeadline:dd/MM/yyyy}.",
            };
        }
        if (receivedOn is not null && PublishedAt is { } published && day < ProvinceCalendar.DateOf(published))
        {
            throw new FairRuleException("received-before-publication", RuleKind.Unprocessable,
                $"The form was received on {day:yyyy-MM-dd}, before the fair was published on {ProvinceCalendar.DateOf(published):yyyy-MM-dd}.")
            {
                Vietnamese = $"Phiếu đăng ký nhận ngày {day:dd/MM/yyyy}, trước ngày công bố hội chợ {ProvinceCalendar.DateOf(published):dd/MM/yyyy}.",
            };
        }
        if (_registrations.Any(r => r.TaxCode == establishment.TaxCode))
        {
            throw new FairRuleException("already-registered", RuleKind.Conflict, $"Establishment {establishment.TaxCode} has already registered for this fair.")
            {
                Vietnamese = $"Cơ sở {establishment.TaxCode} đã đăng ký tham gia hội chợ này.",
            };
        }
        if (boothsWanted > BoothCount)
        {
            throw new FairRuleException("more-booths-than-the-fair-has", RuleKind.Unprocessable,
                $"The fair has {BoothCount} booth(s); {boothsWanted} were asked for.")
            {
                Vietnamese = $"Hội chợ có {BoothCount} gian hàng; số gian xin đăng ký là {boothsWanted}.",
            };
        }
        var registration = FairRegistration.Create(Id, establishment, products, boothsWanted, contact, receivedOn is null ? now : ProvinceCalendar.StartOfDay(day));
        _registrations.Add(registration);
        return registration;
    }

    public void CloseRegistration(DateTimeOffset now)
    {
        Move(FairStatus.RegistrationClosed);
        RegistrationClosedAt = now;
    }

    /// <summary>
    /// Runs <see cref="BoothAllocationRule"/> over every registration, with the registry's current facts
    /// and the certificates held (judged on the fair's start date), and computes each one's support.
    /// </summary>
    public IReadOnlyList<FairRegistration> Allocate(
        IReadOnlyDictionary<Guid, RegisteringEstablishment> establishments,
        ILookup<string, KnownCertificate> certificates,
        DateTimeOffset now, string actedBy)
    {
        if (Status != FairStatus.RegistrationClosed)
        {
            throw new FairRuleException("illegal-transition", RuleKind.Conflict,
                $"The fair is {Status}; the allocation runs once registration is closed.")
            {
                Vietnamese = $"Hội chợ đang ở trạng thái {CodeNames.VietnameseOf(Status)}; chỉ phân bổ gian hàng sau khi đã đóng đăng ký.",
            };
        }
        foreach (var registration in _registrations)
        {
            if (establishments.TryGetValue(registration.EstablishmentId, out var current))
            {
                registration.Refresh(current);
            }
        }
        var results = BoothAllocationRule.Allocate(BoothCount, StartDate, _registrations.Select(r => new AllocationCandidate(
            r.Id, r.TaxCode, r.BoothsWanted, r.RegisteredAt, r.IsPriorityArea, r.District, certificates[r.TaxCode].ToList())));
        foreach (var result in results)
        {
            _registrations.Single(r => r.Id == result.RegistrationId).ApplyRule(result, Policy.SupportFor(result.BoothsAllocated, BoothRent));
        }
        Move(FairStatus.Allocated);
        AllocatedAt = now;
        AllocatedBy = actedBy;
        AllocationRevision++;
        return _registrations.OrderBy(r => r.AllocationPosition).ToList();
    }

    /// <summary>An officer sets a registration's booths (0 wait-lists it) with a reason, within the booths the fair has.</summary>
    public FairRegistration OverrideAllocation(Guid registrationId, int booths, string reason, DateTimeOffset now, string actedBy)
    {
        if (Status != FairStatus.Allocated)
        {
            throw new FairRuleException("not-allocated", RuleKind.Conflict, $"The fair is {Status}; allocations can be overridden only while it is Allocated.")
            {
                Vietnamese = $"Hội chợ đang ở trạng thái {CodeNames.VietnameseOf(Status)}; chỉ điều chỉnh phân bổ khi hội chợ ở trạng thái Đã phân bổ.",
            };
        }
        var registration = RegistrationOf(registrationId);
        if (booths > registration.BoothsWanted)
        {
            throw new FairRuleException("more-booths-than-wanted", RuleKind.Unprocessable,
                $"{registration.TaxCode} asked for {registration.BoothsWanted} booth(s); {booths} cannot be allocated.")
            {
                Vietnamese = $"Cơ sở {registration.TaxCode} đăng ký {registration.BoothsWanted} gian hàng; không thể phân bổ {booths} gian.",
            };
        }
        var othersHold = BoothsAllocated - registration.BoothsAllocated;
        if (othersHold + booths > BoothCount)
        {
            throw new FairRuleException("not-enough-booths", RuleKind.Unprocessable,
                $"The fair has {BoothCount} booth(s) and {othersHold} are allocated to others; {booths} more would exceed it. Reduce another allocation first.")
            {
                Vietnamese = $"Hội chợ có {BoothCount} gian hàng, {othersHold} gian đã phân bổ cho cơ sở khác; thêm {booths} gian sẽ vượt quá. Hãy giảm phân bổ của cơ sở khác trước.",
            };
        }
        registration.Override(booths, Policy.SupportFor(booths, BoothRent), reason, now, actedBy);
        AllocationRevision++;
        return registration;
    }

    /// <summary>The fair took place: from its start date on, today or, recorded after the fact, on <paramref name="heldOn"/> (a day that has come).</summary>
    public void MarkHeld(DateTimeOffset now, DateOnly? heldOn = null)
    {
        var day = RecordedDay(heldOn, "heldOn", now);
        if (Status == FairStatus.Allocated && day < StartDate)
        {
            throw new FairRuleException("fair-not-started", RuleKind.Unprocessable, $"The fair starts on {StartDate:yyyy-MM-dd}; it cannot be marked held before.")
            {
                Vietnamese = $"Hội chợ bắt đầu ngày {StartDate:dd/MM/yyyy}; không thể ghi nhận đã tổ chức trước ngày đó.",
            };
        }
        Move(FairStatus.Held);
        HeldAt = heldOn is null ? now : ProvinceCalendar.StartOfDay(day);
    }

    /// <summary>Records (or corrects) a participant's figures after the fair.</summary>
    public FairRegistration RecordOutcome(Guid registrationId, int contractsSigned, long contractValue, long sales, int visitors, DateTimeOffset now, string actedBy)
    {
        if (Status != FairStatus.Held)
        {
            throw new FairRuleException("fair-not-held", RuleKind.Conflict, $"The fair is {Status}; outcomes are recorded once it is Held and until it is closed.")
            {
                Vietnamese = $"Hội chợ đang ở trạng thái {CodeNames.VietnameseOf(Status)}; kết quả chỉ được ghi nhận khi hội chợ đã tổ chức và chưa kết thúc.",
            };
        }
        var registration = RegistrationOf(registrationId);
        if (registration.BoothsAllocated == 0)
        {
            throw new FairRuleException("not-a-participant", RuleKind.Unprocessable,
                $"{registration.TaxCode} had no booth at the fair; only participants report outcomes.")
            {
                Vietnamese = $"Cơ sở {registration.TaxCode} không có gian hàng tại hội chợ; chỉ cơ sở tham gia mới báo cáo kết quả.",
            };
        }
        if (contractsSigned == 0 && contractValue > 0)
        {
            throw new FairRuleException("contract-value-without-contracts", RuleKind.Unprocessable, "A contract value needs at least one contract signed.")
            {
                Vietnamese = "Giá trị hợp đồng chỉ ghi khi có ít nhất một hợp đồng được ký.",
            };
        }
        var outcome = new FairOutcome(contractsSigned, contractValue, sales, visitors, now, actedBy);
        var reported = _registrations.Where(r => r.Id != registrationId && r.BoothsAllocated > 0 && r.Outcome is not null).Select(r => r.Outcome!).Append(outcome);
        if (!TryAdd(reported, out var sums) || sums.ContractValue > InputBounds.MaxMoney || sums.Sales > InputBounds.MaxMoney)
        {
            throw new FairRuleException("totals-too-large", RuleKind.Unprocessable,
                $"With these figures the fair's totals would exceed what one fair can report ({InputBounds.MaxMoney:N0} đồng of contracts or of sales, {int.MaxValue:N0} contracts or visitors).")
            {
                Vietnamese = $"Với các số liệu này, tổng của hội chợ sẽ vượt mức một hội chợ có thể báo cáo ({InputBounds.MaxMoney:N0} đồng hợp đồng hoặc doanh số, {int.MaxValue:N0} hợp đồng hoặc lượt khách).",
            };
        }
        registration.RecordOutcome(outcome);
        OutcomeRevision++;
        return registration;
    }

    /// <summary>Closes a held fair once every participant's outcome is in.</summary>
    public void Close(DateTimeOffset now)
    {
        if (Status == FairStatus.Held)
        {
            var missing = _registrations.Where(r => r.BoothsAllocated > 0 && r.Outcome is null).Select(r => r.TaxCode).Order(StringComparer.Ordinal).ToList();
            if (missing.Count > 0)
            {
                throw new FairRuleException("outcomes-missing", RuleKind.Unprocessable,
                    $"Outcomes are missing for {missing.Count} participant(s): {string.Join(", ", missing)}.")
                {
                    Vietnamese = $"Còn thiếu kết quả của {missing.Count} cơ sở tham gia: {string.Join(", ", missing)}.",
                };
            }
        }
        Move(FairStatus.Closed);
        ClosedAt = now;
    }

    public void Cancel(string reason, DateTimeOffset now)
    {
        Move(FairStatus.Cancelled);
        CancelledAt = now;
        CancellationReason = reason;
    }

    /// <summary>Was published, so other services know of it.</summary>
    public bool WasPublished => PublishedAt is not null;

    public OutcomeTotals Totals()
    {
        var participants = _registrations.Where(r => r.BoothsAllocated > 0).ToList();
        var reported = participants.Where(r => r.Outcome is not null).Select(r => r.Outcome!).ToList();
        // Enumerable.Sum is checked; RecordOutcome refuses figures that would overflow these sums.
        return new OutcomeTotals(
            participants.Count, reported.Count, participants.Sum(r => r.BoothsAllocated),
            reported.Sum(o => o.ContractsSigned), reported.Sum(o => o.ContractValue), reported.Sum(o => o.Sales), reported.Sum(o => o.Visitors),
            participants.Sum(r => r.Support));
    }

    private static bool TryAdd(IEnumerable<FairOutcome> outcomes, out (int ContractsSigned, long ContractValue, long Sales, int Visitors) sums)
    {
        sums = default;
        try
        {
            foreach (var o in outcomes)
            {
                sums = checked((sums.ContractsSigned + o.ContractsSigned, sums.ContractValue + o.ContractValue, sums.Sales + o.Sales, sums.Visitors + o.Visitors));
            }
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    /// <summary>The day an act is recorded for: the given one, which must have come, or today in the province.</summary>
    private static DateOnly RecordedDay(DateOnly? recordedOn, string what, DateTimeOffset now)
    {
        var today = ProvinceCalendar.DateOf(now);
        if (recordedOn is { } day && day > today)
        {
            throw new FairRuleException("recorded-date-in-future", RuleKind.Unprocessable,
                $"{FieldLabels.EnglishOf(what)} must be a day that has come; {day:yyyy-MM-dd} is later than today ({today:yyyy-MM-dd}).")
            {
                Vietnamese = $"{FieldLabels.VietnameseOf(what)} phải là ngày đã qua; ngày {day:dd/MM/yyyy} muộn hơn hôm nay ({today:dd/MM/yyyy}).",
            };
        }
        return recordedOn ?? today;
    }

    private FairRegistration RegistrationOf(Guid registrationId) =>
        _registrations.SingleOrDefault(r => r.Id == registrationId)
        ?? throw new FairRuleException("registration-not-found", RuleKind.NotFound, $"The fair has no registration with id {registrationId}.")
        {
            Vietnamese = $"Hội chợ không có phiếu đăng ký mã {registrationId}.",
        };

    private void Move(FairStatus to)
    {
        if (!FairLifecycle.CanMove(Status, to))
        {
            throw new FairRuleException("illegal-transition", RuleKind.Conflict,
                FairLifecycle.NextFrom(Status) is { Count: > 0 } next
                    ? $"A fair that is {Status} cannot become {to}; it can become {string.Join(" or ", next)}."
                    : $"A fair that is {Status} cannot become {to}; {Status} is final.")
            {
                Vietnamese = FairLifecycle.NextFrom(Status) is { Count: > 0 } nextStates ? $"Hội chợ ở trạng thái {CodeNames.VietnameseOf(Status)} không thể chuyển sang {CodeNames.VietnameseOf(to)}; chỉ có thể chuyển sang {string.Join(" hoặc ", nextStates.Select(s => CodeNames.VietnameseOf(s)))}." : $"Hội chợ ở trạng thái {CodeNames.VietnameseOf(Status)} không thể chuyển sang {CodeNames.VietnameseOf(to)}; {CodeNames.VietnameseOf(Status)} là trạng thái cuối.",
            };
        }
        Status = to;
    }
}
