using Crm.Api.Domain.Customers;
using FluentValidation;

namespace Crm.Api.Features.Customers;

/// <summary>The archive's fields as a client sends them, for create and update alike.</summary>
public abstract record CustomerFieldsBody
{
    /// <summary>Full registered name, e.g. 上海华信贸易有限公司.</summary>
    public string? Name { get; init; }

    /// <summary>统一社会信用代码: 18 characters with a valid GB 32100-2015 check character; unique.</summary>
    public string? CreditCode { get; init; }

    public EnterpriseNature? EnterpriseNature { get; init; }
    public string? SupervisingUnit { get; init; }
    public string? Industry { get; init; }

    /// <summary>CNY.</summary>
    public decimal? RegisteredCapital { get; init; }

    /// <summary>CNY.</summary>
    public decimal? TotalAssets { get; init; }

    public DateOnly? FoundedOn { get; init; }
    public string? Address { get; init; }
    public string? Region { get; init; }
    public CustomerCategory? Category { get; init; }

    /// <summary>Grade code of the active grading scheme (A/B/C/D by default); empty when not graded yet.</summary>
    public string? Grade { get; init; }

    /// <summary>Defaults to Potential.</summary>
    public CustomerStatus? Status { get; init; }

    public IReadOnlyList<RiskFlags>? RiskFlags { get; init; }
    public DateOnly? FirstContactOn { get; init; }
    public DateOnly? CooperationStartOn { get; init; }

    /// <summary>Defaults to the owner's unit.</summary>
    public long? OwningUnitId { get; init; }

    /// <summary>The account manager; defaults to the caller on create.</summary>
    public long? OwnerId { get; init; }

    /// <summary>The service unit (服务单位) that serves the customer, if any.</summary>
    public long? ServiceUnitId { get; init; }

    /// <summary>Other staff who serve the customer and may read it (important customers need two or more contacts).</summary>
    public IReadOnlyList<long>? CoServerIds { get; init; }

    public IReadOnlyList<string>? Tags { get; init; }
}

internal static class CustomerFieldMapping
{
    public static CustomerDetails ToDetails(this CustomerFieldsBody f) => new(
        f.Name!, f.CreditCode!, f.EnterpriseNature!.Value, Blank(f.SupervisingUnit), Blank(f.Industry), f.RegisteredCapital, f.TotalAssets, f.FoundedOn,
        Blank(f.Address), Blank(f.Region), f.Category!.Value, Blank(f.Grade)?.ToUpperInvariant(), f.Status ?? CustomerStatus.Potential, RiskFlagNames.Combine(f.RiskFlags ?? []),
        f.FirstContactOn, f.CooperationStartOn);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed class CustomerFieldsValidator : AbstractValidator<CustomerFieldsBody>
{
    public const int MaxTags = 20;
    public const int MaxCoServers = 20;

    public CustomerFieldsValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
        RuleFor(c => c.CreditCode).NotEmpty()
            .Must(code => UnifiedSocialCreditCode.IsValid(UnifiedSocialCreditCode.Normalize(code ?? "")))
            .WithMessage("统一社会信用代码无效：应为 18 位，且校验位符合 GB 32100-2015。");
        RuleFor(c => c.EnterpriseNature).NotNull().IsInEnum();
        RuleFor(c => c.Category).NotNull().IsInEnum();
        RuleFor(c => c.Status).IsInEnum();
        RuleFor(c => c.SupervisingUnit).MaximumLength(200);
        RuleFor(c => c.Industry).MaximumLength(100);
        RuleFor(c => c.Address).MaximumLength(300);
        RuleFor(c => c.Region).MaximumLength(50);
        RuleFor(c => c.Grade).MaximumLength(8).Matches("^[A-Za-z0-9]*$").WithMessage("等级代码只能包含字母和数字，如 A、B、C、D。");
        RuleFor(c => c.RegisteredCapital).GreaterThanOrEqualTo(0).LessThan(1_000_000_000_000_000m);
        RuleFor(c => c.TotalAssets).GreaterThanOrEqualTo(0).LessThan(1_000_000_000_000_000m);
        RuleFor(c => c.RiskFlags).Must(f => f is null || f.All(x => Enum.IsDefined(x) && x != RiskFlags.None)).WithMessage("风险标记取值无效。");
        RuleFor(c => c.CooperationStartOn)
            .GreaterThanOrEqualTo(c => c.FirstContactOn!.Value).When(c => c.FirstContactOn is not null && c.CooperationStartOn is not null)
            .WithMessage("合作开始日期不能早于首次接触日期。");
        RuleFor(c => c.FoundedOn).GreaterThan(new DateOnly(1800, 1, 1));
        RuleFor(c => c.OwningUnitId).GreaterThan(0);
        RuleFor(c => c.OwnerId).GreaterThan(0);
        RuleFor(c => c.ServiceUnitId).GreaterThan(0);
        RuleFor(c => c.CoServerIds).Must(ids => ids is null || ids.Count <= MaxCoServers).WithMessage($"协同服务人员最多 {MaxCoServers} 人。");
        RuleForEach(c => c.CoServerIds).GreaterThan(0);
        RuleFor(c => c.Tags).Must(t => t is null || t.Count <= MaxTags).WithMessage($"标签最多 {MaxTags} 个。");
        RuleForEach(c => c.Tags).NotEmpty().MaximumLength(40);
    }
}
