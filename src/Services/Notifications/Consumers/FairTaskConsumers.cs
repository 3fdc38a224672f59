using KhuyenCong.Contracts.Fairs;
using KhuyenCong.Notifications.Data;
using KhuyenCong.Notifications.Domain;
using MassTransit;

namespace KhuyenCong.Notifications.Consumers;

/// <summary>A fair open for registration: the Centre's officers allocate its booths when registration closes.</summary>
public sealed class FairScheduledConsumer(NotificationsDbContext db, TimeProvider time) : TaskConsumer<FairScheduled>(db, time)
{
    protected override Task HandleAsync(FairScheduled message, ConsumeContext<FairScheduled> context) =>
        OpenAsync(TaskKind.FairToAllocate, message.FairId,
            new TaskDetails(message.Fair.Name, message.Fair.Name, message.Fair.RegistrationDeadline, $"/fairs/{message.FairId}",
                ForScopedUsers: false, AdministrativeUnitCode: null, []),
            context.CancellationToken);
}

/// <summary>The first allocation of a fair's booths closes its task.</summary>
public sealed class BoothAllocatedConsumer(NotificationsDbContext db, TimeProvider time) : TaskConsumer<BoothAllocated>(db, time)
{
    protected override Task HandleAsync(BoothAllocated message, ConsumeContext<BoothAllocated> context) =>
        CloseAsync(TaskKind.FairToAllocate, message.FairId, context.CancellationToken);
}

public sealed class FairCancelledConsumer(NotificationsDbContext db, TimeProvider time) : TaskConsumer<FairCancelled>(db, time)
{
    protected override Task HandleAsync(FairCancelled message, ConsumeContext<FairCancelled> context) =>
        CloseAsync(TaskKind.FairToAllocate, message.FairId, context.CancellationToken);
}
