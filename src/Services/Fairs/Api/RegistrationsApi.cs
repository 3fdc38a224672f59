using System.Net.Mail;
using System.Text.RegularExpressions;
using KhuyenCong.Fairs.Domain;
using KhuyenCong.Platform.Commands;
using KhuyenCong.Platform.Data;
using KhuyenCong.Platform.Establishments;
using KhuyenCong.Platform.History;
using KhuyenCong.Platform.Paging;
using KhuyenCong.Platform.Time;
using KhuyenCong.ServiceDefaults.Http;
using KhuyenCong.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Fairs.Api;

/// <summary>Establishments' registrations for a fair, officers' overrides of the allocation, and the outcomes after the fair.</summary>
public static partial class RegistrationsApi
{
    private const int MaxProducts = 20;

    [GeneratedRegex(@"^\+?[0-9 .-]{8,20}$")]
    private static partial Regex PhonePattern();

    public static IEndpointRouteBuilder MapRegistrationsApi(this IEndpointRouteBuilder app)
    {
        // Reads are scoped in the handlers; establishments and district officers register within their scope.
        var group = app.MapGroup("/api/fairs/{fairId:guid}/registrations").WithTags("Fair registrations").RequireAuthorization(Policies.Read);
        group.MapPost("/", Register).WithName("RegisterForFair").ProducesRefusals().ProducesProblem(StatusCodes.Status403Forbidden)
            .RequireAuthorization(Policies.Propose);
        group.MapGet("/", List).WithName("ListFairRegistrations").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{registrationId:guid}", Get).WithName("GetFairRegistration").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{registrationId:guid}/allocation", OverrideAllocation).WithName("OverrideAllocation").ProducesRefusals()
            .RequireAuthorization(Policies.Manage);
        group.MapPut("/{registrationId:guid}/outcome", RecordOutcome).WithName("RecordFairOutcome").ProducesRefusals()
            .RequireAuthorization(Policies.Manage);
        app.MapGet("/api/fairs/registrations", OfEstablishment).WithTags("Fair registrations").WithName("ListEstablishmentFairRegistrations")
            .RequireAuthorization(Policies.Read).ProducesValidationProblem();
        return app;
    }

    /// <summary>
    /// An establishment's registrations across fairs, newest fair first, for its home page. An establishment outside the
    /// caller's scope has none, as its registrations are not found either.
    /// </summary>
    internal static async Task<Results<Ok<PageOf<EstablishmentRegistration>>, ValidationProblem>> OfEstablishment(
        string? establishmentTaxCode, [AsParameters] FairServices s, int page = 1, int pageSize = 20)
    {
        var validation = new RequestValidation().Required(establishmentTaxCode, "establishmentTaxCode", 14).Paging(page, pageSize);
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation);
        }
        var taxCode = establishmentTaxCode!.Trim();
        if (!await EstablishmentScope.CoversAsync(s.User.Scope(), taxCode, s.Db.Establishments, s.CancellationToken))
        {
            return TypedResults.Ok(new PageOf<EstablishmentRegistration>([], 0, page, pageSize));
        }
        var fairs = await s.Db.Fairs.AsNoTracking().Include(f => f.Registrations)
            .Where(f => f.Registrations.Any(r => r.TaxCode == taxCode))
            .OrderByDescending(f => f.StartDate).ThenBy(f => f.Id)
            .PageAsync(page, pageSize, s.CancellationToken);
        // The wait-list place counts the fair's other registrations, so each is read from the whole fair.
        return TypedResults.Ok(fairs.Map(fair => new EstablishmentRegistration(fair.Id, fair.Name, fair.StartDate, fair.EndDate, fair.Status,
            RegistrationSummary.AllOf(fair, s.English).First(r => r.EstablishmentTaxCode == taxCode))));
    }

    internal static async Task<Results<Created<RegistrationDetails>, ValidationProblem, ProblemHttpResult>> Register(
        Guid fairId, RegistrationRequest request, [AsParameters] FairServices s)
    {
        var validation = new RequestValidation()
            .Required(request.EstablishmentTaxCode, "establishmentTaxCode", 14)
            .Expect(request.Products is { Count: > 0 and <= MaxProducts }, "products", $"lists 1 to {MaxProducts} products to show.",
                $"liệt kê từ 1 đến {MaxProducts} sản phẩm trưng bày.")
            .Expect(request.BoothsWanted is >= 1, "boothsWanted", "is required and at least 1.",
                "là bắt buộc và ít nhất là 1.")
            .Expect(request.Contact is not null, "contact", "(name, phone, optional email) is required.",
                "(họ tên, điện thoại, thư điện tử nếu có) là bắt buộc.")
            .RecordDate(request.ReceivedOn, "receivedOn", required: false);
        for (var i = 0; i < (request.Products?.Count ?? 0); i++)
        {
            validation.Required(request.Products![i], $"products[{i}]", 200);
        }
        if (request.Contact is { } contact)
        {
            validation.Required(contact.Name, "contact.name", 200)
                .Expect(contact.Phone is not null && PhonePattern().IsMatch(contact.Phone), "contact.phone", "is a phone number of 8 to 20 digits (spaces, dots and dashes allowed).",
                    "là số điện thoại từ 8 đến 20 chữ số (cho phép dấu cách, dấu chấm, gạch ngang).")
                .Expect(contact.Email is null || (contact.Email.Length <= 200 && MailAddress.TryCreate(contact.Email, out _)), "contact.email", "is not an email address.",
                    "không phải là địa chỉ thư điện tử.");
        }
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation);
        }

        // The fair's row lock serialises registrations: a second one of the same establishment sees the first.
        return await s.Db.RunAsync<Created<RegistrationDetails>>(async ct =>
        {
            await s.Db.LockAsync<Fair>(fairId, ct);
            var fair = await FairsApi.Tracked(fairId, s)(ct);
            if (fair is null)
            {
                return FairsApi.NotFound(fairId);
            }
            var scope = s.User.Scope();
            if (request.ReceivedOn is not null && !scope.CanSeeEverything)
            {
                // The allocation orders by this day, so only the Centre records a form received earlier.
                return RegistrationScope.OfficersOnly("The day a paper form was received is recorded by the Centre's officers only.",
                    "Ngày nhận phiếu đăng ký bản giấy chỉ do cán bộ Trung tâm ghi.");
            }
            var taxCode = request.EstablishmentTaxCode!.Trim();
            var known = await s.Db.Establishments.AsNoTracking().SingleOrDefaultAsync(e => e.TaxCode == taxCode, ct);
            if (!scope.Covers(taxCode, known?.AdministrativeUnitCode))
            {
                return ApiProblems.OutOfScope($"Establishment {taxCode} is not one you may register.",
                    $"Bạn không được đăng ký cho cơ sở mã số thuế {taxCode}.");
            }
            if (known is null)
            {
                return ApiProblems.Unprocessable("unknown-establishment",
                    $"No establishment with tax code {taxCode} is known from the registry; register it there first.",
                    $"Chưa có cơ sở mã số thuế {taxCode} trong sổ đăng ký cơ sở: hãy đăng ký cơ sở trước.");
            }
            var registration = fair.Register(
                new RegisteringEstablishment(known.EstablishmentId, known.TaxCode, known.Name, known.District, known.IsPriorityArea),
                request.Products!.Select(p => p.Trim()).ToArray(), request.BoothsWanted!.Value,
                new RegistrationContact(request.Contact!.Name!.Trim(), request.Contact.Phone!.Trim(), request.Contact.Email?.Trim()), s.Now,
                request.ReceivedOn);
            s.Db.AddIntegrationEvent(FairEvents.RegistrationReceived(fair, registration, s.Actor));
            s.Db.Record(HistoryEntry.Of(fair.Id, FairHistory.RegistrationReceived, s.User, s.Now) with
            {
                Subject = registration.EstablishmentName,
                Amount = registration.BoothsWanted,
                OccurredOn = request.ReceivedOn,
            });
            s.Db.Touch(fair);
            await s.Db.SaveChangesAsync(ct);
            return TypedResults.Created($"/api/fairs/{fairId}/registrations/{registration.Id}", Details(registration, null, s));
        }, s.CancellationToken);
    }

    internal static async Task<Results<Ok<IReadOnlyList<RegistrationSummary>>, ProblemHttpResult>> List(
        Guid fairId, [AsParameters] FairServices s, AllocationStatus? status = null)
    {
        var fair = await FairsApi.FindAsync(fairId, s, tracking: false);
        if (fair is null)
        {
            return FairsApi.NotFound(fairId);
        }
        var all = await RegistrationScope.VisibleAsync(fair, s);
        return TypedResults.Ok<IReadOnlyList<RegistrationSummary>>(status is null ? all : all.Where(r => r.Status == status).ToList());
    }

    internal static async Task<Results<Ok<RegistrationDetails>, ProblemHttpResult>> Get(Guid fairId, Guid registrationId, [AsParameters] FairServices s)
    {
        var fair = await FairsApi.FindAsync(fairId, s, tracking: false);
        if (fair is null)
        {
            return FairsApi.NotFound(fairId);
        }
        // One outside the caller's scope is answered as if it did not exist.
        var summary = (await RegistrationScope.VisibleAsync(fair, s)).SingleOrDefault(r => r.Id == registrationId);
        return summary is null
            ? RegistrationNotFound(registrationId)
            : TypedResults.Ok(Details(fair.Registrations.Single(r => r.Id == registrationId), summary, s));
    }

    internal static async Task<Results<Ok<RegistrationDetails>, ValidationProblem, ProblemHttpResult>> OverrideAllocation(
        Guid fairId, Guid registrationId, AllocationOverrideRequest request, [AsParameters] FairServices s)
    {
        var validation = new RequestValidation()
            .Expect(request.Booths is >= 0, "booths", "is required: the booths to allocate, 0 to wait-list.",
                "là bắt buộc: số gian hàng phân bổ, 0 để đưa vào danh sách chờ.")
            .Required(request.Reason, "reason", 1000);
        return await ChangeRegistrationAsync(fairId, registrationId, s, validation, fair =>
        {
            var registration = fair.OverrideAllocation(registrationId, request.Booths!.Value, request.Reason!.Trim(), s.Now, s.Actor);
            s.Db.Record(HistoryEntry.Of(fair.Id, FairHistory.AllocationOverridden, s.User, s.Now) with
            {
                Subject = registration.EstablishmentName,
                Amount = registration.BoothsAllocated,
                Reason = registration.OverrideReason,
                OccurredOn = ProvinceCalendar.DateOf(s.Now),
            });
            return FairEvents.Allocated(fair, registration, s.Now, s.Actor);
        });
    }

    internal static async Task<Results<Ok<RegistrationDetails>, ValidationProblem, ProblemHttpResult>> RecordOutcome(
        Guid fairId, Guid registrationId, OutcomeRequest request, [AsParameters] FairServices s)
    {
        var validation = new RequestValidation()
            .Expect(request.ContractsSigned is >= 0, "contractsSigned", "is required and not negative.",
                "là bắt buộc và không được âm.")
            .NotNegative(request.ContractValue, "contractValue")
            .NotNegative(request.Sales, "sales")
            .Expect(request.Visitors is >= 0, "visitors", "is required and not negative.", "là bắt buộc và không được âm.");
        return await ChangeRegistrationAsync(fairId, registrationId, s, validation, fair =>
        {
            var registration = fair.RecordOutcome(registrationId, request.ContractsSigned!.Value, request.ContractValue!.Value,
                request.Sales!.Value, request.Visitors!.Value, s.Now, s.Actor);
            s.Db.Record(HistoryEntry.Of(fair.Id, FairHistory.OutcomeRecorded, s.User, s.Now) with
            {
                Subject = registration.EstablishmentName,
                Amount = request.Sales.Value,
            });
            return FairEvents.OutcomeRecorded(fair, registration, s.Actor);
        });
    }

    /// <summary>Changes one registration on the command path of its fair, which every change of the fair goes through.</summary>
    private static async Task<Results<Ok<RegistrationDetails>, ValidationProblem, ProblemHttpResult>> ChangeRegistrationAsync(
        Guid fairId, Guid registrationId, FairServices s, RequestValidation validation, Func<Fair, object> decide)
    {
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation);
        }
        return await s.Db.ChangeAsync(fairId, FairsApi.Tracked(fairId, s),
            fair => s.Db.AddIntegrationEvent(decide(fair)),
            fair => TypedResults.Ok(Details(fair.Registrations.Single(r => r.Id == registrationId),
                RegistrationSummary.AllOf(fair, s.English).Single(r => r.Id == registrationId), s)),
            () => FairsApi.NotFound(fairId), s.CancellationToken);
    }

    private static RegistrationDetails Details(FairRegistration r, RegistrationSummary? summary, FairServices s) => new(
        summary ?? RegistrationSummary.From(r, null, s.English),
        RegistrationScope.MaySeeContacts(s.User) ? new ContactResponse(r.Contact.Name, r.Contact.Phone, r.Contact.Email) : null,
        r.OverrideReason, r.OverriddenBy, r.OverriddenAt, r.RuleReason is { } rule ? AllocationTexts.Sentence(rule, s.English) : null);

    private static ProblemHttpResult RegistrationNotFound(Guid id) =>
        ApiProblems.NotFound("Registration", $"The fair has no registration with id {id}.", $"Hội chợ không có lượt đăng ký mã {id}.");
}
