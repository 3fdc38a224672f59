using System.Security.Claims;
using KhuyenCong.Notifications.Data;
using KhuyenCong.Notifications.Domain;
using KhuyenCong.Platform.Data;
using KhuyenCong.Platform.Establishments;
using KhuyenCong.Platform.Paging;
using KhuyenCong.Platform.Time;
using KhuyenCong.ServiceDefaults.Http;
using KhuyenCong.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Notifications.Api;

internal readonly record struct TaskServices(NotificationsDbContext Db, TimeProvider Time, ClaimsPrincipal User, CancellationToken CancellationToken)
{
    public DateOnly Today => ProvinceCalendar.Today(Time);
}

/// <summary>One open task as the inbox lists it.</summary>
public sealed record TaskItem(Guid Id, TaskKind Kind, Guid RecordId, string RecordCode, string Title, DateOnly? DueOn, bool IsOverdue,
    string Link, DateTimeOffset OpenedAt);

/// <summary>How many tasks the signed-in user has open, and how many of them are past their due date.</summary>
public sealed record TaskCount(int Open, int Overdue);

/// <summary>The signed-in user's open tasks ("Việc cần làm"), kept from the other services' events.</summary>
public static class TasksApi
{
    public static IEndpointRouteBuilder MapTasksApi(this IEndpointRouteBuilder app)
    {
        // Every role may ask; each sees the tasks its role and scope call for (none for a role that has none).
        var group = app.MapGroup("/api/notifications/tasks").WithTags("Tasks").RequireAuthorization(Policies.Read);
        group.MapGet("/", List).WithName("ListTasks").ProducesValidationProblem();
        group.MapGet("/count", Count).WithName("CountTasks");
        return app;
    }

    /// <summary>
    /// The caller's open tasks, those past their due date first, then by due date (tasks without one last), optionally
    /// of one kind.
    /// </summary>
    internal static async Task<Results<Ok<PageOf<TaskItem>>, ValidationProblem>> List(
        [AsParameters] TaskServices s, TaskKind? kind = null, int page = 1, int pageSize = 20)
    {
        var validation = new RequestValidation().Paging(page, pageSize);
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation);
        }
        var today = s.Today;
        var query = await VisibleAsync(s);
        if (kind is not null)
        {
            query = query.Where(t => t.Kind == kind);
        }
        var tasks = await query
            .OrderByDescending(t => t.DueOn < today)
            .ThenBy(t => t.DueOn == null)
            .ThenBy(t => t.DueOn)
            .ThenBy(t => t.OpenedAt)
            .ThenBy(t => t.Id)
            .PageAsync(page, pageSize, s.CancellationToken);
        return TypedResults.Ok(tasks.Map(t => new TaskItem(t.Id, t.Kind, t.RecordId, t.RecordCode, t.Title, t.DueOn, t.DueOn < today,
            t.Link, t.OpenedAt)));
    }

    /// <summary>How many tasks the caller has open (the badge of the app bar), and how many are overdue.</summary>
    internal static async Task<Ok<TaskCount>> Count([AsParameters] TaskServices s)
    {
        var today = s.Today;
        var query = await VisibleAsync(s);
        var open = await query.CountAsync(s.CancellationToken);
        var overdue = await query.CountAsync(t => t.DueOn < today, s.CancellationToken);
        return TypedResults.Ok(new TaskCount(open, overdue));
    }

    /// <summary>
    /// The open tasks the caller sees: those assigned to the caller's own account (a council member's score sheets), and of
    /// the tasks of a role and scope every one meant for the Centre (<see cref="WorkTask.ForCentre"/>) for its officers and
    /// administrators; for an establishment those of its own records; for a district officer those of its unit and of the
    /// establishments in it. The leaders' alerts are the leaders' alone (an officer who is also a leader sees them beside the rest).
    /// </summary>
    private static async Task<IQueryable<WorkTask>> VisibleAsync(TaskServices s)
    {
        var today = s.Today;
        var userId = Actor.SubjectOf(s.User);
        var alerts = TaskKinds.LeaderAlerts;
        var isLeader = s.User.IsInRole(PlatformRoles.Leader);
        var open = s.Db.Tasks.AsNoTracking().Where(t => t.IsKnown && t.ClosedAt == null && (t.ShownFrom == null || t.ShownFrom <= today)
            && (t.ShownUntil == null || t.ShownUntil >= today))
            .Where(t => isLeader || !alerts.Contains(t.Kind));
        if (s.User.IsInRole(PlatformRoles.Admin) || s.User.IsInRole(PlatformRoles.Officer))
        {
            return open.Where(t => (t.AssigneeUserId == null && t.ForCentre) || t.AssigneeUserId == userId);
        }
        var scope = s.User.Scope();
        if (scope.CanSeeEverything)
        {
            return open.Where(t => t.AssigneeUserId == userId || alerts.Contains(t.Kind));
        }
        var taxCodes = (await EstablishmentScope.OfAsync(scope, s.Db.Establishments, s.CancellationToken)).TaxCodes.ToList();
        var unitCode = scope.IsDistrictOfficer ? scope.UnitCode : null;
        return open.Where(t => t.AssigneeUserId == userId || (t.AssigneeUserId == null && t.ForScopedUsers
            && ((unitCode != null && t.AdministrativeUnitCode == unitCode) || t.EstablishmentTaxCodes.Any(c => taxCodes.Contains(c)))));
    }
}
