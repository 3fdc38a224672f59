using System.Security.Claims;
using KhuyenCong.Platform.Accounts;
using KhuyenCong.Platform.Commands;
using KhuyenCong.Platform.Data;
using KhuyenCong.Platform.Documents;
using KhuyenCong.Platform.Establishments;
using KhuyenCong.Platform.History;
using KhuyenCong.Platform.Paging;
using KhuyenCong.Platform.Papers;
using KhuyenCong.Platform.Time;
using KhuyenCong.Products.Data;
using KhuyenCong.Products.Domain;
using KhuyenCong.Products.Papers;
using KhuyenCong.ServiceDefaults.Http;
using KhuyenCong.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using static KhuyenCong.Products.Api.ProductsApi;
using static KhuyenCong.ServiceDefaults.Http.ApiProblems;

namespace KhuyenCong.Products.Api;

/// <summary>Competitions: council, opening, scoring, results, complaints and closing with certificates.</summary>
public static class CompetitionsApi
{
    /// <summary>Far above the largest council (13, Art. 9), so that the size rule answers with its reason and a flood is refused early.</summary>
    private const int MaxCouncilSeats = 50;

    public static RouteGroupBuilder MapCompetitionsApi(this RouteGroupBuilder products)
    {
        var group = products.MapGroup("/competitions").WithTags("Competitions").RequireAuthorization(Policies.Read);
        group.MapPost("/", Create).WithName("CreateCompetition").RequireAuthorization(Policies.Manage)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/", List).WithName("ListCompetitions").ProducesValidationProblem();
        group.MapGet("/{id:guid}", Get).WithName("GetCompetition").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:guid}/history", History).WithName("GetCompetitionHistory").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{id:guid}/council", SetCouncil).WithName("SetCompetitionCouncil").RequireAuthorization(Policies.Manage)
            .ProducesValidationProblem().ProducesRefusals();
        group.MapPost("/{id:guid}/open", Open).WithName("OpenCompetition").RequireAuthorization(Policies.Manage).ProducesRefusals();
        group.MapPost("/{id:guid}/start-scoring", StartScoring).WithName("StartScoring").RequireAuthorization(Policies.Manage)
            .ProducesRefusals();
        group.MapGet("/{id:guid}/results", Results).WithName("GetResults").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/publish-results", PublishResults).WithName("PublishResults").RequireAuthorization(Policies.Manage)
            .ProducesValidationProblem().ProducesRefusals();
        group.MapPost("/{id:guid}/complaints", FileComplaint).WithName("FileComplaint").RequireAuthorization(Policies.Propose)
            .ProducesValidationProblem().ProducesRefusals();
        group.MapGet("/{id:guid}/complaints", ListComplaints).WithName("ListComplaints").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/complaints/{complaintId:guid}/rescore", OrderRescore).WithName("OrderRescore")
            .RequireAuthorization(Policies.Manage).ProducesRefusals();
        group.MapPost("/{id:guid}/complaints/{complaintId:guid}/answer", AnswerComplaint).WithName("AnswerComplaint")
            .RequireAuthorization(Policies.Manage).ProducesValidationProblem().ProducesRefusals();
        group.MapPost("/{id:guid}/close", Close).WithName("CloseCompetition").RequireAuthorization(Policies.Manage)
            .ProducesValidationProblem().ProducesRefusals();
        return products;
    }

    internal static async Task<Results<Created<CompetitionResponse>, ValidationProblem, ProblemHttpResult>> Create(
        CreateCompetitionRequest request, ClaimsPrincipal user, ProductsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation()
            .Required(request.Title, "title", 300)
            .Expect(request.Level is not null, "level", "is required: District, Provincial, Regional or National.",
                $"là bắt buộc: {InputBounds.VietnameseChoice(typeof(RecognitionLevel))}.")
            .Expect(request.Year is >= 2000 and <= 2100, "year", "must be a year between 2000 and 2100.", "phải là năm từ 2000 đến 2100.")
            .Expect(request.Level != RecognitionLevel.Regional || !string.IsNullOrWhiteSpace(request.Region), "region",
                "is required for a regional competition (e.g. Miền Bắc).",
                "là bắt buộc với cuộc bình chọn cấp khu vực (ví dụ Miền Bắc).")
            .Expect(request.Region is null || request.Region.Length <= 100, "region", "must be at most 100 characters.",
                "dài tối đa 100 ký tự.")
            .Expect(request.Level != RecognitionLevel.District || !string.IsNullOrWhiteSpace(request.District), "district",
                "is required for a district competition: the district-level unit that holds it.",
                "là bắt buộc với cuộc bình chọn cấp huyện: đơn vị cấp huyện tổ chức.")
            .Expect(request.District is null || request.District.Length <= 100, "district", "must be at most 100 characters.",
                "dài tối đa 100 ký tự.")
            .Expect(request.ScheduleDecisionNumber is null || request.ScheduleDecisionNumber.Trim().Length is > 0 and <= 64, "scheduleDecisionNumber",
                "is the decision's number, 1 to 64 characters.",
                "là số quyết định, từ 1 đến 64 ký tự.")
            .Check((request.ScheduleDecisionNumber is null) == (request.ScheduleDecisionDate is null), "scheduleDecisionDate",
                "A schedule decision gives both its number and its date.",
                "Quyết định tổ chức ghi cả số và ngày quyết định.")
            .NotInFuture(request.ScheduleDecisionDate, "scheduleDecisionDate", ProvinceCalendar.Today(time))
            .RecordDate(request.RegistrationOpensOn, "registrationOpensOn")
            .RecordDate(request.RegistrationClosesOn, "registrationClosesOn")
            .Expect(request.RegistrationOpensOn is null || request.RegistrationClosesOn is null
                   || request.RegistrationClosesOn >= request.RegistrationOpensOn,
                "registrationClosesOn", "cannot be before the day registration opens.",
                "không được trước ngày bắt đầu nhận hồ sơ.");
        if (!validation.IsValid)
        {
            return Invalid(validation);
        }
        return await db.RunAsync<Created<CompetitionResponse>>(async ct =>
        {
            var competition = Competition.Create(request.Title!.Trim(), request.Level!.Value, request.Year!.Value, request.Region?.Trim(),
                request.RegistrationOpensOn!.Value, request.RegistrationClosesOn!.Value, time.GetUtcNow(), request.District?.Trim(),
                request.ScheduleDecisionNumber is { } number ? new ScheduleDecision(number.Trim(), request.ScheduleDecisionDate!.Value) : null);
            db.Competitions.Add(competition);
            db.Record(HistoryEntry.Of(competition.Id, CompetitionHistory.Created, user, competition.CreatedAt) with
            {
                Document = competition.ScheduleDecisionNumber,
                OccurredOn = competition.ScheduleDecisionDate,
            });
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/api/products/competitions/{competition.Id}", CompetitionResponse.From(competition));
        }, cancellationToken);
    }

    internal static async Task<Results<Ok<PageOf<CompetitionSummary>>, ValidationProblem>> List(
        ProductsDbContext db, CancellationToken cancellationToken,
        int? year = null, RecognitionLevel? level = null, CompetitionStatus? status = null, int page = 1, int pageSize = 50)
    {
        var validation = new RequestValidation().Paging(page, pageSize);
        if (!validation.IsValid)
        {
            return Invalid(validation);
        }
        var query = db.Competitions.AsNoTracking();
        if (year is not null)
        {
            query = query.Where(c => c.Year == year);
        }
        if (level is not null)
        {
            query = query.Where(c => c.Level == level);
        }
        if (status is not null)
        {
            query = query.Where(c => c.Status == status);
        }
        var competitions = await query
            .OrderByDescending(c => c.Year).ThenBy(c => c.Level).ThenBy(c => c.Title)
            .Select(c => new CompetitionSummary(c.Id, c.Title, c.Level, c.Year, c.Region, c.Status, c.RegistrationOpensOn, c.RegistrationClosesOn,
                c.District, c.ScheduleDecisionNumber))
            .PageAsync(page, pageSize, cancellationToken);
        return TypedResults.Ok(competitions);
    }

    internal static async Task<Results<Ok<CompetitionResponse>, ProblemHttpResult>> Get(
        Guid id, ProductsDbContext db, CancellationToken cancellationToken)
    {
        var competition = await db.LoadCompetitionAsync(id, cancellationToken);
        return competition is null ? NotFound("Competition", id) : TypedResults.Ok(CompetitionResponse.From(competition));
    }

    /// <summary>What was done to a competition, by whom and when: whoever reads it reads this; entries' details only the Centre.</summary>
    internal static async Task<Results<Ok<IReadOnlyList<HistoryEntryResponse>>, ProblemHttpResult>> History(
        Guid id, ClaimsPrincipal user, ProductsDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Competitions.AnyAsync(c => c.Id == id, cancellationToken))
        {
            return NotFound("Competition", id);
        }
        return TypedResults.Ok(CompetitionHistory.For(await db.HistoryOfAsync(id, cancellationToken), user.Scope().CanSeeEverything));
    }

    /// <summary>
    /// Seats the council from seats naming user accounts; each is checked against this service's copy of the
    /// accounts (kept from the identity service's events) and shows the account's display name.
    /// </summary>
    internal static async Task<Results<Ok<CompetitionResponse>, ValidationProblem, ProblemHttpResult>> SetCouncil(
        Guid id, SetCouncilRequest request, ClaimsPrincipal user, ProductsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation()
            .Expect(request.Members is { Count: > 0 }, "members", "lists the council's seats (userId, position, chair), who score as the jury.",
                "liệt kê các ghế của hội đồng (thành viên, chức vụ, chủ tịch), là ban giám khảo chấm điểm.")
            .Check(request.Members is null || request.Members.Count <= MaxCouncilSeats, "members", $"A council has at most {MaxCouncilSeats} seats.",
                $"Hội đồng có tối đa {MaxCouncilSeats} ghế.");
        for (var i = 0; i < Math.Min(request.Members?.Count ?? 0, MaxCouncilSeats); i++)
        {
            var member = request.Members![i];
            validation.Check(member is not null, $"members[{i}]", "Each seat names a user account.",
                "Mỗi ghế phải ghi tài khoản người dùng.");
            if (member is null)
            {
                continue;
            }
            validation.Required(member.UserId, $"members[{i}].userId", KnownAccounts.MaxUserIdLength)
                .Expect(member.Position is null || member.Position.Length <= 200, $"members[{i}].position", "must be at most 200 characters.",
                    "dài tối đa 200 ký tự.");
        }
        if (!validation.IsValid)
        {
            return Invalid(validation);
        }
        var accounts = await db.KnownAccounts.ByIdsAsync(request.Members!.Select(m => m!.UserId!.Trim()), cancellationToken);
        var seats = request.Members!.Select(m =>
        {
            var userId = m!.UserId!.Trim();
            var account = accounts.GetValueOrDefault(userId);
            var position = m.Position?.Trim();
            return new CouncilSeat(userId, account?.DisplayName, account?.IsActiveAppraiser ?? false,
                string.IsNullOrEmpty(position) ? null : position, m.Chair ?? false);
        }).ToList();
        return await db.ChangeCompetitionAsync(id, competition =>
        {
            var now = time.GetUtcNow();
            var council = competition.SetCouncil(seats, now);
            db.Record(HistoryEntry.Of(competition.Id, CompetitionHistory.CouncilSet, user, now) with
            {
                Amount = council.Count,
                Subject = string.Join("; ", council.OrderBy(m => m.Seat).Select(m => m.Name)),
            });
        }, Answer, cancellationToken);
    }

    internal static Task<Results<Ok<CompetitionResponse>, ValidationProblem, ProblemHttpResult>> Open(
        Guid id, ClaimsPrincipal user, ProductsDbContext db, ScoringRuleBook rules, TimeProvider time, CancellationToken cancellationToken) =>
        db.ChangeCompetitionAsync(id, competition =>
        {
            competition.Open(ProvinceCalendar.Today(time), rules, time.GetUtcNow());
            db.Record(HistoryEntry.Of(competition.Id, CompetitionHistory.Opened, user, time.GetUtcNow()) with { OccurredOn = competition.OpenedOn });
        }, Answer, cancellationToken);

    internal static Task<Results<Ok<CompetitionResponse>, ValidationProblem, ProblemHttpResult>> StartScoring(
        Guid id, ClaimsPrincipal user, ProductsDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        db.ChangeCompetitionAsync(id, competition =>
        {
            competition.StartScoring(time.GetUtcNow());
            db.Record(HistoryEntry.Of(competition.Id, CompetitionHistory.ScoringStarted, user, time.GetUtcNow()) with { OccurredOn = ProvinceCalendar.Today(time) });
        }, Answer, cancellationToken);

    /// <summary>The ranking; an establishment or a district officer sees the rows of its own entries, with their ranks among all.</summary>
    internal static async Task<Results<Ok<ResultsResponse>, ProblemHttpResult>> Results(
        Guid id, ClaimsPrincipal user, ProductsDbContext db, CancellationToken cancellationToken)
    {
        var competition = await db.LoadCompetitionAsync(id, cancellationToken);
        if (competition is null)
        {
            return NotFound("Competition", id);
        }
        var scope = await EstablishmentScope.OfAsync(user.Scope(), db.KnownEstablishments, cancellationToken);
        return TypedResults.Ok(ResultsResponse.From(competition, scope.Covers));
    }

    internal static async Task<Results<Ok<ResultsResponse>, ValidationProblem, ProblemHttpResult>> PublishResults(
        Guid id, PublishResultsRequest request, ClaimsPrincipal user, ProductsDbContext db, ProvinceCalendar calendar, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var today = ProvinceCalendar.Today(time);
        var validation = new RequestValidation()
            .NotInFuture(request.PublishedOn, "publishedOn", today)
            .Required(request.DecisionNumber, "decisionNumber", 64)
            .Expect(request.RecognisedEntryIds is not null, "recognisedEntryIds",
                "lists the entries the council recognises (it may be empty).",
                "liệt kê các sản phẩm được hội đồng công nhận (có thể để trống).")
            .Expect(request.RecognisedEntryIds is null || request.RecognisedEntryIds.Distinct().Count() == request.RecognisedEntryIds.Count,
                "recognisedEntryIds", "names each entry once.",
                "chỉ nêu mỗi sản phẩm một lần.");
        if (!validation.IsValid)
        {
            return Invalid(validation);
        }
        return await db.ChangeCompetitionAsync(id,
            competition =>
            {
                competition.PublishResults(request.PublishedOn ?? today, request.DecisionNumber!.Trim(),
                    request.RecognisedEntryIds!, calendar, time.GetUtcNow());
                db.Record(HistoryEntry.Of(competition.Id, CompetitionHistory.ResultsPublished, user, time.GetUtcNow()) with
                {
                    OccurredOn = competition.ResultsPublishedOn,
                    Document = competition.ResultsDecisionNumber,
                    Amount = request.RecognisedEntryIds!.Count,
                });
            },
            competition => TypedResults.Ok(ResultsResponse.From(competition)), cancellationToken);
    }

    /// <summary>
    /// Records a complaint about an entry's result. An establishment complains about its own entries, a district
    /// officer about those of its unit's establishments; an entry outside the caller's scope is not found.
    /// </summary>
    internal static async Task<Results<Created<ComplaintResponse>, ValidationProblem, ProblemHttpResult>> FileComplaint(
        Guid id, FileComplaintRequest request, ClaimsPrincipal user, ProductsDbContext db, ProvinceCalendar calendar, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var today = ProvinceCalendar.Today(time);
        var validation = new RequestValidation()
            .Expect(request.EntryId is not null, "entryId", "names the entry the complaint is about.", "là sản phẩm bị khiếu nại.")
            .Required(request.Complainant, "complainant", 300)
            .Required(request.Content, "content", 4000)
            .NotInFuture(request.ReceivedOn, "receivedOn", today);
        if (!validation.IsValid)
        {
            return Invalid(validation);
        }
        var entryId = request.EntryId!.Value;
        Complaint? complaint = null;
        return await db.ChangeCompetitionAsync(id,
            async (competition, ct) =>
            {
                var entry = competition.Entries.SingleOrDefault(e => e.Id == entryId);
                if (entry is null || !await EstablishmentScope.CoversAsync(user.Scope(), entry.EstablishmentTaxCode, db.KnownEstablishments, ct))
                {
                    throw ProductRuleException.NotFound("entry", entryId);
                }
                complaint = competition.FileComplaint(entryId, request.Complainant!.Trim(), request.Content!.Trim(),
                    request.ReceivedOn ?? today, calendar, time.GetUtcNow());
                db.AddIntegrationEvent(ProductIntegrationEvents.ReceivedComplaint(competition, complaint, Actor.NameOf(user)));
                db.Record(HistoryEntry.Of(competition.Id, CompetitionHistory.ComplaintFiled, user, time.GetUtcNow()) with
                {
                    OccurredOn = complaint.ReceivedOn,
                    Subject = CompetitionHistory.ProductOf(competition, entryId),
                    Document = complaint.Complainant,
                });
            },
            _ => TypedResults.Created($"/api/products/competitions/{id}/complaints/{complaint!.Id}", ComplaintResponse.From(complaint)),
            cancellationToken);
    }

    /// <summary>The competition's complaints; an establishment or a district officer sees those about entries within its scope.</summary>
    internal static async Task<Results<Ok<List<ComplaintResponse>>, ProblemHttpResult>> ListComplaints(
        Guid id, ClaimsPrincipal user, ProductsDbContext db, CancellationToken cancellationToken)
    {
        var competition = await db.LoadCompetitionAsync(id, cancellationToken);
        if (competition is null)
        {
            return NotFound("Competition", id);
        }
        var scope = await EstablishmentScope.OfAsync(user.Scope(), db.KnownEstablishments, cancellationToken);
        var visibleEntries = competition.Entries.Where(e => scope.Covers(e.EstablishmentTaxCode)).Select(e => e.Id).ToHashSet();
        return TypedResults.Ok(competition.Complaints
            .Where(c => visibleEntries.Contains(c.EntryId))
            .OrderBy(c => c.ReceivedOn).ThenBy(c => c.Id)
            .Select(ComplaintResponse.From).ToList());
    }

    internal static Task<Results<Ok<ComplaintResponse>, ValidationProblem, ProblemHttpResult>> OrderRescore(
        Guid id, Guid complaintId, ClaimsPrincipal user, ProductsDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        ChangeComplaintAsync(db, id, complaintId, competition =>
        {
            var complaint = competition.OrderRescore(complaintId, time.GetUtcNow());
            db.Record(HistoryEntry.Of(competition.Id, CompetitionHistory.RescoreOrdered, user, time.GetUtcNow()) with
            {
                Subject = CompetitionHistory.ProductOf(competition, complaint.EntryId),
            });
            return complaint;
        }, cancellationToken);

    internal static async Task<Results<Ok<ComplaintResponse>, ValidationProblem, ProblemHttpResult>> AnswerComplaint(
        Guid id, Guid complaintId, AnswerComplaintRequest request, ClaimsPrincipal user, ProductsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var today = ProvinceCalendar.Today(time);
        var validation = new RequestValidation()
            .Required(request.Answer, "answer", 4000)
            .NotInFuture(request.AnsweredOn, "answeredOn", today);
        if (!validation.IsValid)
        {
            return Invalid(validation);
        }
        return await ChangeComplaintAsync(db, id, complaintId, competition =>
        {
            var complaint = competition.AnswerComplaint(complaintId, request.Answer!.Trim(), request.AnsweredOn ?? today, request.Recognise, time.GetUtcNow());
            db.AddIntegrationEvent(ProductIntegrationEvents.AnsweredComplaint(competition, complaint, Actor.NameOf(user)));
            db.Record(HistoryEntry.Of(competition.Id, CompetitionHistory.ComplaintAnswered, user, time.GetUtcNow()) with
            {
                OccurredOn = request.AnsweredOn ?? today,
                Subject = CompetitionHistory.ProductOf(competition, complaint.EntryId),
                Reason = request.Answer.Trim(),
            });
            return complaint;
        }, cancellationToken);
    }

    /// <summary>
    /// Closes the competition and issues a certificate to each recognised entry, numbered atomically, with
    /// one <c>ProductRecognized</c> event each, all in one transaction.
    /// </summary>
    internal static async Task<Results<Ok<ClosedCompetitionResponse>, ValidationProblem, ProblemHttpResult>> Close(
        Guid id, CloseCompetitionRequest? request, ClaimsPrincipal user, ProductsDbContext db, TimeProvider time,
        AttachmentStore store, PaperIssuer issuer, HolderReportDeadline deadline, CancellationToken cancellationToken)
    {
        var today = ProvinceCalendar.Today(time);
        var validation = new RequestValidation().NotInFuture(request?.IssuedOn, "issuedOn", today);
        if (!validation.IsValid)
        {
            return Invalid(validation);
        }
        var issuedOn = request?.IssuedOn ?? today;
        var certificates = new List<Certificate>();
        return await db.ChangeCompetitionAsync(id,
            async (competition, ct) =>
            {
                certificates.Clear();
                var recognised = competition.Close(issuedOn, time.GetUtcNow());
                var taxCodes = recognised.Select(r => r.Entry.EstablishmentTaxCode).Distinct().ToList();
                var holders = await db.KnownEstablishments.AsNoTracking()
                    .Where(e => taxCodes.Contains(e.TaxCode))
                    .ToDictionaryAsync(e => e.TaxCode, ct);
                foreach (var result in recognised.OrderBy(r => r.Rank).ThenBy(r => r.Entry.ProductName, StringComparer.OrdinalIgnoreCase))
                {
                    var entry = result.Entry;
                    // The holder's current name and district from the registry copy; the entry's own copy if it has gone.
                    var holder = holders.TryGetValue(entry.EstablishmentTaxCode, out var known)
                        ? new EstablishmentProfile(known.TaxCode, known.Name, known.District)
                        : new EstablishmentProfile(entry.EstablishmentTaxCode, entry.EstablishmentName, entry.District);
                    var sequence = await db.NextCertificateNumberAsync(competition.Level, competition.Year, ct);
                    var number = $"SPTB-{competition.Level.CertificateCode()}-{competition.Year}-{sequence:D3}";
                    var certificate = Certificate.Issue(number, competition, entry, result.Average!.Value, holder, issuedOn);
                    db.Certificates.Add(certificate);
                    db.AddIntegrationEvent(ProductIntegrationEvents.Recognized(certificate, deadline, Actor.NameOf(user)));
                    certificates.Add(certificate);
                }
                db.Record(HistoryEntry.Of(competition.Id, CompetitionHistory.Closed, user, time.GetUtcNow()) with
                {
                    OccurredOn = issuedOn,
                    Amount = certificates.Count,
                });
                foreach (var certificate in certificates)
                {
                    await CertificatePaper.IssueAsync(store, db, certificate, issuer, Actor.NameOf(user), user.FindFirst("name")?.Value, ct);
                    db.Record(HistoryEntry.Of(competition.Id, CompetitionHistory.Recognised, user, time.GetUtcNow()) with
                    {
                        OccurredOn = issuedOn,
                        Subject = certificate.ProductName,
                        Document = certificate.Number,
                        Score = certificate.AverageScore,
                    });
                }
            },
            competition => TypedResults.Ok(new ClosedCompetitionResponse(
                CompetitionResponse.From(competition), certificates.Select(c => CertificateResponse.From(c, ProvinceCalendar.Today(time))).ToList())),
            cancellationToken);
    }

    private static Ok<CompetitionResponse> Answer(Competition competition) => TypedResults.Ok(CompetitionResponse.From(competition));

    private static Task<Results<Ok<ComplaintResponse>, ValidationProblem, ProblemHttpResult>> ChangeComplaintAsync(
        ProductsDbContext db, Guid id, Guid complaintId, Func<Competition, Complaint> change, CancellationToken cancellationToken)
    {
        Complaint? complaint = null;
        return db.ChangeCompetitionAsync(id, competition => { complaint = change(competition); },
            _ => TypedResults.Ok(ComplaintResponse.From(complaint!)), cancellationToken);
    }
}
