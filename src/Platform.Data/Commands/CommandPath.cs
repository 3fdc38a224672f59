using System.Data;
using System.Data.Common;
using KhuyenCong.Platform.Data;
using KhuyenCong.ServiceDefaults.Domain;
using KhuyenCong.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace KhuyenCong.Platform.Commands;

/// <summary>
/// The one path of every state-changing request: in one transaction, lock the aggregate's row, load it,
/// let the domain decide, save the change with its outbox rows, answer. Commands on one aggregate run
/// one after another (the row lock), so capacity rules (advance caps, seats, booths) hold under any
/// interleaving; every change also moves the aggregate's row version, so a writer outside this path
/// conflicts too. A conflict (lost lock race, deadlock, changed version) re-runs the whole command a
/// few times, then answers 409 <c>/errors/concurrent-change</c>. Domain refusals become ProblemDetails
/// here, once; a unique key taken by another request becomes 409 <c>/errors/duplicate</c>.
/// </summary>
public static class CommandPath
{
    public const int MaxAttempts = 5;
    /// <summary>How long a command waits for another one on the same aggregate before it counts as a conflict.</summary>
    public const int LockTimeoutMilliseconds = 5000;
    private const string SetLockTimeout = "SET LOCAL lock_timeout = 5000";

    /// <summary>
    /// Changes the aggregate <typeparamref name="TAggregate"/> with key <paramref name="id"/>:
    /// <paramref name="load"/> reads it tracked (with its scope filter: null answers <paramref name="notFound"/>),
    /// <paramref name="decide"/> applies the domain operation (and queues integration events),
    /// <paramref name="answer"/> builds the response from the saved aggregate.
    /// </summary>
    public static Task<Results<TOk, ValidationProblem, ProblemHttpResult>> ChangeAsync<TAggregate, TOk>(
        this ServiceDbContext db,
        object id,
        Func<CancellationToken, Task<TAggregate?>> load,
        Func<TAggregate, CancellationToken, Task> decide,
        Func<TAggregate, TOk> answer,
        Func<ProblemHttpResult> notFound,
        CancellationToken cancellationToken)
        where TAggregate : class
        where TOk : IResult =>
        db.RunAsync<TOk>(async ct =>
        {
            await db.LockAsync<TAggregate>(id, ct);
            var aggregate = await load(ct);
            if (aggregate is null)
            {
                return notFound();
            }
            await decide(aggregate, ct);
            db.Touch(aggregate);
            await db.SaveChangesAsync(ct);
            return answer(aggregate);
        }, cancellationToken);

    /// <summary>The same with a synchronous decision.</summary>
    public static Task<Results<TOk, ValidationProblem, ProblemHttpResult>> ChangeAsync<TAggregate, TOk>(
        this ServiceDbContext db,
        object id,
        Func<CancellationToken, Task<TAggregate?>> load,
        Action<TAggregate> decide,
        Func<TAggregate, TOk> answer,
        Func<ProblemHttpResult> notFound,
        CancellationToken cancellationToken)
        where TAggregate : class
        where TOk : IResult =>
        db.ChangeAsync(id, load, (aggregate, _) => { decide(aggregate); return Task.CompletedTask; }, answer, notFound, cancellationToken);

    /// <summary>
    /// Runs <paramref name="attempt"/> (which saves its own changes) in a transaction that commits only when
    /// it answers <typeparamref name="TOk"/>; conflicts re-run it, refusals become ProblemDetails.
    /// </summary>
    public static async Task<Results<TOk, ValidationProblem, ProblemHttpResult>> RunAsync<TOk>(
        this ServiceDbContext db,
        Func<CancellationToken, Task<Results<TOk, ValidationProblem, ProblemHttpResult>>> attempt,
        CancellationToken cancellationToken)
        where TOk : IResult
    {
        for (var run = 1; ; run++)
        {
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
                await db.Database.ExecuteSqlRawAsync(SetLockTimeout, cancellationToken);
                var result = await attempt(cancellationToken);
                if (result.Result is not TOk)
                {
                    await transaction.RollbackAsync(cancellationToken);
                    db.ChangeTracker.Clear();
                    return result;
                }
                await MarkIdempotentEffectAsync(db, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return result;
            }
            catch (BusinessRuleException rule)
            {
                db.ChangeTracker.Clear();
                return ApiProblems.Refused(rule);
            }
            catch (Exception ex) when (IsConflict(ex))
            {
                db.ChangeTracker.Clear();
                if (run >= MaxAttempts)
                {
                    return ApiProblems.ConcurrentChange();
                }
                // A little jitter so that the losers of one race do not collide again in step.
                await Task.Delay(Random.Shared.Next(5, 20 * run), cancellationToken);
            }
            catch (Exception ex) when (UniqueViolation(ex) is { } constraint)
            {
                db.ChangeTracker.Clear();
                return ApiProblems.Duplicate(constraint);
            }
        }
    }

    /// <summary>Takes the aggregate's row lock for the rest of the transaction (a missing row takes none).</summary>
    public static async Task LockAsync<TAggregate>(this DbContext db, object id, CancellationToken cancellationToken) where TAggregate : class
    {
        var entity = db.Model.FindEntityType(typeof(TAggregate))
            ?? throw new InvalidOperationException($"{typeof(TAggregate).Name} is not an entity of {db.GetType().Name}.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var key = entity.FindPrimaryKey()!.Properties.Single().GetColumnName(table)!;
        var name = entity.GetSchema() is { } schema ? $"\"{schema}\".\"{table.Name}\"" : $"\"{table.Name}\"";

        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = $"SELECT 1 FROM {name} WHERE \"{key}\" = @id FOR UPDATE";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "id";
        parameter.Value = id;
        command.Parameters.Add(parameter);
        await command.ExecuteScalarAsync(cancellationToken);
    }

    /// <summary>
    /// Makes the save move the aggregate's row version even when only a child row changed (a payment
    /// added, an enrolment changed), so that a concurrent writer of the same aggregate conflicts.
    /// </summary>
    public static void Touch(this DbContext db, object aggregate)
    {
        var entry = db.Entry(aggregate);
        if (entry.State != EntityState.Unchanged || !db.ChangeTracker.HasChanges())
        {
            return;
        }
        var property = entry.Properties.FirstOrDefault(p =>
            !p.Metadata.IsPrimaryKey() && !p.Metadata.IsConcurrencyToken && p.Metadata.ValueGenerated == ValueGenerated.Never
            && !p.Metadata.IsShadowProperty());
        if (property is not null)
        {
            property.IsModified = true;
        }
    }

    private static async Task MarkIdempotentEffectAsync(ServiceDbContext db, CancellationToken cancellationToken)
    {
        if (IdempotencyKeys.Current is { } current)
        {
            await db.IdempotencyKeys.Where(r => r.Caller == current.Caller && r.Key == current.Key)
                .ExecuteUpdateAsync(set => set.SetProperty(r => r.EffectCommitted, true), cancellationToken);
        }
    }

    /// <summary>A lost race that a re-run settles: a changed row version, a serialization failure, a deadlock, a lock wait that ran out.</summary>
    public static bool IsConflict(Exception exception) => exception switch
    {
        DbUpdateConcurrencyException => true,
        PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.LockNotAvailable } => true,
        DbUpdateException { InnerException: { } inner } => IsConflict(inner),
        InvalidOperationException { InnerException: PostgresException inner } => IsConflict(inner),
        _ => false,
    };

    /// <summary>The unique constraint another request took first, or null.</summary>
    public static string? UniqueViolation(Exception exception) => exception switch
    {
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique => unique.ConstraintName ?? "unique",
        DbUpdateException { InnerException: { } inner } => UniqueViolation(inner),
        _ => null,
    };
}
