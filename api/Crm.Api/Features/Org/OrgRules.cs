using Crm.Api.Domain.Org;
using FluentValidation;

namespace Crm.Api.Features.Org;

internal static class OrgRules
{
    public static IRuleBuilderOptions<T, string> UnitName<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(100);

    public static IRuleBuilderOptions<T, string> UnitCode<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(40).Matches("^[A-Za-z0-9._-]+$").WithMessage("编码只能包含字母、数字、点、下划线和连字符。");

    public static IRuleBuilderOptions<T, OrgUnitKind> Kind<T>(this IRuleBuilder<T, OrgUnitKind> rule) => rule.IsInEnum();

    public static IRuleBuilderOptions<T, string> DisplayName<T>(this IRuleBuilder<T, string> rule) => rule.NotEmpty().MaximumLength(100);

    public static IRuleBuilderOptions<T, string?> Email<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(200).EmailAddress().When(_ => true, ApplyConditionTo.CurrentValidator);

    public static IRuleBuilderOptions<T, string?> Phone<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(40).Matches(@"^[0-9+\-() ]*$").WithMessage("电话号码只能包含数字、空格和 + - ( )。");

    public static IRuleBuilderOptions<T, IReadOnlyList<Positions>?> Positions<T>(this IRuleBuilder<T, IReadOnlyList<Positions>?> rule) =>
        rule.NotNull().Must(list => list is null || list.All(p => Enum.IsDefined(p) && p != Domain.Org.Positions.None))
            .WithMessage("岗位取值无效。");

    /// <summary>At least 8 characters with a letter and a digit.</summary>
    public static IRuleBuilderOptions<T, string> Password<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MinimumLength(8).MaximumLength(128)
            .Must(p => p is not null && p.Any(char.IsLetter) && p.Any(char.IsDigit)).WithMessage("密码至少 8 位，且须同时包含字母和数字。");
}
