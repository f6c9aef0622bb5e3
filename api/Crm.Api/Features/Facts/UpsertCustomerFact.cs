using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Customers;
using Crm.Api.Features.Customers;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Facts;

public sealed record UpsertCustomerFactRequest : FactBody;

public sealed record UpsertCustomerFactCommand : FactBody, ICommand<Result<UpsertedFact>>
{
    public long CustomerId { get; init; }
    public string Month { get; init; } = "";
}

public sealed record UpsertedFact(FactDto Fact, bool Created);

public sealed class UpsertCustomerFactValidator : AbstractValidator<UpsertCustomerFactCommand>
{
    public UpsertCustomerFactValidator()
    {
        RuleFor(c => c.Month).Must(m => BusinessFact.TryParseMonth(m, out _)).WithMessage(FactFieldsValidator.MonthMessage);
        Include(new FactFieldsValidator());
    }
}

public sealed class UpsertCustomerFactHandler(CrmDbContext db, UserContext users, TimeProvider clock)
    : ICommandHandler<UpsertCustomerFactCommand, Result<UpsertedFact>>
{
    public async ValueTask<Result<UpsertedFact>> Handle(UpsertCustomerFactCommand command, CancellationToken ct)
    {
        var user = users.User;
        BusinessFact.TryParseMonth(command.Month, out var month);
        var customer = await db.Customers.AsNoTracking().VisibleTo(user, db).Include(c => c.CoServers)
            .SingleOrDefaultAsync(c => c.Id == command.CustomerId, ct);
        if (customer is null)
            return Error.NotFound("客户");
        if (CustomerWrites.CheckWritable(user, customer) is { } refused)
            return refused;

        var now = clock.GetUtcNow();
        var fact = await db.BusinessFacts.SingleOrDefaultAsync(f => f.CustomerId == customer.Id && f.Month == month, ct);
        var created = fact is null;
        if (fact is null)
            db.BusinessFacts.Add(fact = new BusinessFact(customer.Id, month, command.ToValues(), now, user.StaffId));
        else
            fact.Update(command.ToValues(), now, user.StaffId);
        await db.SaveChangesAsync(ct);
        return new UpsertedFact(FactDto.From(fact), created);
    }
}
