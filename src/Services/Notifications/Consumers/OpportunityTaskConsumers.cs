using KhuyenCong.Contracts.Fairs;
using KhuyenCong.Contracts.Proposals;
using KhuyenCong.Contracts.Training;
using KhuyenCong.Notifications.Data;
using KhuyenCong.Notifications.Domain;
using KhuyenCong.Platform.Establishments;
using KhuyenCong.Platform.Time;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Notifications.Consumers;

/// <summary>
/// An invitation (a call for registration, a course, a fair) becomes a task of each establishment it fits, from the service's
/// copy of the registry at the time it opens, seen by the establishment and its district officer (not by the Centre, which
/// made it). Each establishment's task is the derived record of the invitation and its tax code, due and listed until the
/// invitation's deadline. The end of the invitation closes them all and leaves a closed task of the invitation itself, so
/// that an opening event consumed after it opens none.
/// </summary>
public abstract class OpportunityConsumer<TMessage>(NotificationsDbContext db, TimeProvider time) : TaskConsumer<TMessage>(db, time)
    where TMessage : class
{
    protected DateOnly Today => ProvinceCalendar.DateOf(Now);

    /// <summary>The establishments of the registry copy that <paramref name="fits"/> keeps, each with its task; none once the invitation has ended.</summary>
    protected async Task InviteAsync(TaskKind kind, Guid invitationId, string title, DateOnly deadline, string link,
        System.Linq.Expressions.Expression<Func<KnownEstablishment, bool>> fits, CancellationToken cancellationToken)
    {
        if (deadline < Today || await Db.Tasks.AnyAsync(t => t.Kind == kind && t.RecordId == invitationId && t.ClosedAt != null, cancellationToken))
        {
            return;
        }
        var establishments = await Db.Establishments.AsNoTracking().Where(fits).OrderBy(e => e.TaxCode).ToListAsync(cancellationToken);
        var records = establishments.ToDictionary(e => DerivedRecordId.Of(invitationId, e.TaxCode));
        var ids = records.Keys.ToList();
        var existing = await Db.Tasks.Where(t => t.Kind == kind && ids.Contains(t.RecordId)).ToDictionaryAsync(t => t.RecordId, cancellationToken);
        foreach (var (record, establishment) in records)
        {
            if (!existing.TryGetValue(record, out var task))
            {
                task = WorkTask.For(kind, record, Now);
                Db.Tasks.Add(task);
            }
            task.Describe(new TaskDetails(Cut(title, 100), establishment.Name, deadline, link, ForScopedUsers: true, AdministrativeUnitCode: null,
                [establishment.TaxCode], ForCentre: false, ShownUntil: deadline, ParentRecordId: invitationId), Now);
        }
    }

    /// <summary>The establishment joined (filed, registered): its own task closes.</summary>
    protected Task JoinedAsync(TaskKind kind, Guid invitationId, string taxCode, CancellationToken cancellationToken) =>
        CloseAsync(kind, DerivedRecordId.Of(invitationId, taxCode), cancellationToken);

    /// <summary>The invitation ended: every establishment's task closes, and the invitation's own closed task keeps later openings out.</summary>
    protected async Task EndedAsync(TaskKind kind, Guid invitationId, CancellationToken cancellationToken)
    {
        await CloseAsync(kind, invitationId, cancellationToken);
        var open = await Db.Tasks.Where(t => t.Kind == kind && t.ParentRecordId == invitationId && t.ClosedAt == null).ToListAsync(cancellationToken);
        foreach (var task in open)
        {
            task.Close(typeof(TMessage).Name, Now);
        }
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];
}

/// <summary>
/// A call for registration is the province's (the Department's), for every establishment of the province whatever its district
/// or sector: each establishment in the registry may file under it until its deadline.
/// </summary>
public sealed class RegistrationCallOpenedConsumer(NotificationsDbContext db, TimeProvider time) : OpportunityConsumer<RegistrationCallOpened>(db, time)
{
    protected override Task HandleAsync(RegistrationCallOpened message, ConsumeContext<RegistrationCallOpened> context) =>
        InviteAsync(TaskKind.CallToFile, message.CallId, message.Title, message.Deadline, "/calls", _ => true, context.CancellationToken);
}

public sealed class RegistrationCallClosedConsumer(NotificationsDbContext db, TimeProvider time) : OpportunityConsumer<RegistrationCallClosed>(db, time)
{
    protected override Task HandleAsync(RegistrationCallClosed message, ConsumeContext<RegistrationCallClosed> context) =>
        EndedAsync(TaskKind.CallToFile, message.CallId, context.CancellationToken);
}

/// <summary>A proposal filed under a call closes the call's task of each of its establishments.</summary>
public sealed class ProposalFiledUnderCallConsumer(NotificationsDbContext db, TimeProvider time) : OpportunityConsumer<ProposalSubmitted>(db, time)
{
    protected override async Task HandleAsync(ProposalSubmitted message, ConsumeContext<ProposalSubmitted> context)
    {
        if (message.CallId is not { } call)
        {
            return;
        }
        foreach (var taxCode in message.Proposal.EstablishmentTaxCodes.Distinct())
        {
            await JoinedAsync(TaskKind.CallToFile, call, taxCode, context.CancellationToken);
        }
    }
}

/// <summary>
/// A course is held for the establishments of its district (the event names the district, not a sector): each of them may
/// send workers until the day before it starts. Staff training is for khuyến công staff, not establishments, and a course
/// already started invites nobody.
/// </summary>
public sealed class CourseOpenToEstablishmentsConsumer(NotificationsDbContext db, TimeProvider time) : OpportunityConsumer<CourseScheduled>(db, time)
{
    protected override Task HandleAsync(CourseScheduled message, ConsumeContext<CourseScheduled> context)
    {
        var course = message.Course;
        if (course.Type == CourseType.StaffTraining || course.StartDate is not { } start)
        {
            return Task.CompletedTask;
        }
        return InviteAsync(TaskKind.CourseToJoin, message.CourseId, course.Title, start.AddDays(-1), $"/training/courses/{message.CourseId}",
            e => e.District == course.District || e.AdministrativeUnitCode == course.AdministrativeUnitCode, context.CancellationToken);
    }
}

public sealed class CourseCancelledInvitationsConsumer(NotificationsDbContext db, TimeProvider time) : OpportunityConsumer<CourseCancelled>(db, time)
{
    protected override Task HandleAsync(CourseCancelled message, ConsumeContext<CourseCancelled> context) =>
        EndedAsync(TaskKind.CourseToJoin, message.CourseId, context.CancellationToken);
}

/// <summary>
/// A fair the Centre schedules is open to every establishment of the province (the event names neither a district nor a
/// sector): each may register until the registration deadline.
/// </summary>
public sealed class FairOpenToEstablishmentsConsumer(NotificationsDbContext db, TimeProvider time) : OpportunityConsumer<FairScheduled>(db, time)
{
    protected override Task HandleAsync(FairScheduled message, ConsumeContext<FairScheduled> context) =>
        InviteAsync(TaskKind.FairToJoin, message.FairId, message.Fair.Name, message.Fair.RegistrationDeadline, $"/fairs/{message.FairId}", _ => true,
            context.CancellationToken);
}

public sealed class FairRegistrationReceivedConsumer(NotificationsDbContext db, TimeProvider time) : OpportunityConsumer<FairRegistrationReceived>(db, time)
{
    protected override Task HandleAsync(FairRegistrationReceived message, ConsumeContext<FairRegistrationReceived> context) =>
        JoinedAsync(TaskKind.FairToJoin, message.FairId, message.EstablishmentTaxCode, context.CancellationToken);
}

public sealed class FairCancelledInvitationsConsumer(NotificationsDbContext db, TimeProvider time) : OpportunityConsumer<FairCancelled>(db, time)
{
    protected override Task HandleAsync(FairCancelled message, ConsumeContext<FairCancelled> context) =>
        EndedAsync(TaskKind.FairToJoin, message.FairId, context.CancellationToken);
}
