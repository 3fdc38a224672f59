using KhuyenCong.ServiceDefaults.Http;
using KhuyenCong.Training.Data;
using KhuyenCong.Training.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KhuyenCong.Training.Api;

/// <summary>The ProblemDetails answers particular to the training endpoints.</summary>
internal static class Problems
{
    public static ProblemHttpResult Rule(string code, RuleKind kind, string message) => ApiProblems.Refused(new TrainingRuleException(code, kind, message));

    /// <summary>
    /// Saves the request's one change. A unique index that a concurrent request won (the same trainee
    /// enrolled twice at once) is answered as a conflict, not a 500.
    /// </summary>
    public static async Task<ProblemHttpResult?> SaveAsync(TrainingDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                type: "/errors/concurrent-change",
                title: "The record was changed by someone else.",
                detail: "Another request changed the same course at the same time. Reload it and try again.");
        }
    }
}
