using Crm.Api.Common.Errors;
using Crm.Api.Common.ReadLog;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using Crm.Api.Domain.Classification;
using Crm.Api.Features.Facts;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Crm.Api.Features.Classification;

/// <param name="Scheme">Scheme code; the configured default scheme when left out.</param>
/// <param name="AsOf">Rating date; today when left out. The facts window is the twelve whole months before its month.</param>
public sealed record EvaluateCustomerGradeQuery(long CustomerId, string? Scheme, DateOnly? AsOf) : IQuery<Result<GradeEvaluationDto>>;

public sealed record GradeEvaluationDto(
    long CustomerId,
    string CustomerName,
    string? CurrentGrade,
    bool GradeOverridden,
    SchemeRef Scheme,
    DateOnly AsOf,
    DateOnly WindowFrom,
    DateOnly WindowTo,
    IReadOnlyDictionary<string, string?> Input,
    string ProposedGrade,
    string ProposedGradeName,
    bool WouldChange,
    GradingResult Result);

public sealed class EvaluateCustomerGradeValidator : AbstractValidator<EvaluateCustomerGradeQuery>
{
    public EvaluateCustomerGradeValidator()
    {
        RuleFor(q => q.Scheme).Matches(SchemeCodes.Pattern).WithMessage("方案编码格式不正确。");
        RuleFor(q => q.AsOf).InclusiveBetween(new DateOnly(2000, 1, 1), new DateOnly(2100, 12, 31));
    }
}

/// <summary>What a scheme would grade one customer, and why; changes nothing.</summary>
public sealed class EvaluateCustomerGradeHandler(
    CrmDbContext db, UserContext users, SchemeCatalog schemes, FactsCalendar calendar, ReadLogRecorder readLog, IOptions<ClassificationOptions> options)
    : IQueryHandler<EvaluateCustomerGradeQuery, Result<GradeEvaluationDto>>
{
    public async ValueTask<Result<GradeEvaluationDto>> Handle(EvaluateCustomerGradeQuery query, CancellationToken ct)
    {
        var customer = await db.Customers.AsNoTracking().VisibleTo(users.User, db).SingleOrDefaultAsync(c => c.Id == query.CustomerId, ct);
        if (customer is null)
            return Error.NotFound("客户");
        var asOf = query.AsOf ?? calendar.Today;
        var code = query.Scheme ?? options.Value.DefaultScheme;
        var version = await schemes.FindEffectiveAsync(code, asOf, ct);
        if (version is null)
            return Error.NotFound($"评级日 {asOf:yyyy-MM-dd} 生效的分级方案“{code}”");

        var input = await GradingInputs.ForAsync(db, customer, asOf, ct);
        var compiled = schemes.Compile(version);
        var result = compiled.Evaluate(input);
        await readLog.RecordAsync(customer.Id, ReadAction.Evaluation, ct);
        var (from, to) = GradingInput.WindowOf(asOf);
        return new GradeEvaluationDto(customer.Id, customer.Name, customer.Grade, customer.GradeOverridden,
            new SchemeRef(version.Code, version.Version, version.Name), asOf, from, to.AddDays(-1), GradingInputs.Describe(input),
            result.Grade, compiled.Scheme.Grades.First(g => g.Code == result.Grade).Name, result.Grade != customer.Grade, result);
    }
}
