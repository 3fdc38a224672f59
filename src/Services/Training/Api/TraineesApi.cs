using KhuyenCong.Platform.Commands;
using KhuyenCong.Platform.Data;
using KhuyenCong.Platform.Establishments;
using KhuyenCong.Platform.Paging;
using KhuyenCong.Platform.Search;
using KhuyenCong.ServiceDefaults.Http;
using KhuyenCong.ServiceDefaults.Security;
using KhuyenCong.Training.Data;
using KhuyenCong.Training.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Training.Api;

/// <summary>Trainees and their personal data: for officers only (<see cref="Policies.Manage"/>), reading as well as writing.</summary>
public static class TraineesApi
{
    public static RouteGroupBuilder MapTraineesApi(this RouteGroupBuilder training)
    {
        var group = training.MapGroup("/trainees").WithTags("Trainees (personal data: officers only)")
            .RequireAuthorization(Policies.Manage);
        group.MapPost("/", Register).WithName("RegisterTrainee")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/", List).WithName("ListTrainees");
        group.MapGet("/{id:guid}", Get).WithName("GetTrainee").ProducesProblem(StatusCodes.Status404NotFound);
        return training;
    }

    internal static async Task<Results<Created<TraineeDetails>, ValidationProblem, ProblemHttpResult>> Register(
        RegisterTraineeRequest request, TrainingDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var thisYear = time.GetUtcNow().Year;
        var validation = new RequestValidation()
            .Required(request.FullName, "fullName", 200)
            .Expect(request.BirthYear is not null && request.BirthYear >= 1900 && request.BirthYear <= thisYear - 14, "birthYear",
                $"must be a year between 1900 and {thisYear - 14} (trainees are at least 14).",
                $"phải là năm từ 1900 đến {thisYear - 14} (học viên từ 14 tuổi trở lên).")
            .Expect(request.Gender is not null, "gender", "is required: Female or Male.", $"là bắt buộc: {InputBounds.VietnameseChoice(typeof(Gender))}.")
            .Required(request.EthnicGroup, "ethnicGroup", 50)
            .Expect(request.Phone is null || (request.Phone.Trim().Length is >= 8 and <= 20 && request.Phone.Trim().All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '.')),
                "phone", "must be 8 to 20 digits (a leading + and spaces allowed).",
                "phải từ 8 đến 20 chữ số (cho phép dấu + ở đầu và dấu cách).")
            .Expect(request.EstablishmentTaxCode is null || request.EstablishmentTaxCode.Length <= 14, "establishmentTaxCode",
                "must be at most 14 characters.",
                "dài tối đa 14 ký tự.");
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation);
        }

        KnownEstablishment? establishment = null;
        if (!string.IsNullOrWhiteSpace(request.EstablishmentTaxCode))
        {
            var taxCode = request.EstablishmentTaxCode.Trim();
            establishment = await db.Establishments.AsNoTracking().SingleOrDefaultAsync(e => e.TaxCode == taxCode, cancellationToken);
            if (establishment is null)
            {
                return ApiProblems.Unprocessable("unknown-establishment", $"No establishment with tax code {taxCode} is known to the registry.",
                    $"Chưa có cơ sở mã số thuế {taxCode} trong sổ đăng ký cơ sở.");
            }
        }

        // The unique index on the natural key (name, birth year, phone) answers a registration racing this one.
        return await db.RunAsync<Created<TraineeDetails>>(async ct =>
        {
            var trainee = Trainee.Register(request.FullName!, request.BirthYear!.Value, request.Gender!.Value, request.EthnicGroup!,
                request.Phone, establishment?.EstablishmentId, time.GetUtcNow());
            var duplicate = await db.Trainees.AsNoTracking()
                .Where(t => t.FullName.ToLower() == trainee.FullName.ToLower() && t.BirthYear == trainee.BirthYear && t.Phone == trainee.Phone)
                .Select(t => (Guid?)t.Id).FirstOrDefaultAsync(ct);
            if (duplicate is not null)
            {
                throw new TrainingRuleException("trainee-already-registered", RuleKind.Conflict,
                    $"{trainee.FullName}, born {trainee.BirthYear}, is already registered as trainee {duplicate}.")
                {
                    Vietnamese = $"{trainee.FullName}, sinh năm {trainee.BirthYear}, đã được đăng ký là học viên {duplicate}.",
                };
            }
            db.Trainees.Add(trainee);
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/api/training/trainees/{trainee.Id}", TraineeDetails.From(trainee, establishment));
        }, cancellationToken);
    }

    internal static async Task<Results<Ok<PageOf<TraineeDetails>>, ValidationProblem>> List(
        TrainingDbContext db, CancellationToken cancellationToken, string? q = null, int page = 1, int pageSize = 50)
    {
        var validation = new RequestValidation()
            .Paging(page, pageSize)
            .Expect(q is null || q.Length <= 200, "q", "must be at most 200 characters.", "dài tối đa 200 ký tự.");
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation);
        }
        var query = db.Trainees.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var pattern = Like.Contains(q.Trim());
            query = query.Where(t => EF.Functions.ILike(t.FullName, pattern, Like.EscapeCharacter) || EF.Functions.ILike(t.Phone!, pattern, Like.EscapeCharacter));
        }
        var trainees = await query.OrderBy(t => t.FullName).ThenBy(t => t.Id).PageAsync(page, pageSize, cancellationToken);
        var establishments = await RosterApi.EstablishmentsOfAsync(db, trainees.Items, cancellationToken);
        return TypedResults.Ok(trainees.Map(t => TraineeDetails.From(t, t.EstablishmentId is { } e ? establishments.GetValueOrDefault(e) : null)));
    }

    internal static async Task<Results<Ok<TraineeDetails>, ProblemHttpResult>> Get(Guid id, TrainingDbContext db, CancellationToken cancellationToken)
    {
        var trainee = await db.Trainees.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (trainee is null)
        {
            return ApiProblems.NotFound("Trainee", id);
        }
        var establishments = await RosterApi.EstablishmentsOfAsync(db, [trainee], cancellationToken);
        return TypedResults.Ok(TraineeDetails.From(trainee, trainee.EstablishmentId is { } e ? establishments.GetValueOrDefault(e) : null));
    }
}
