using Crm.Api.Domain.Classification;
using Mediator;

namespace Crm.Api.Features.Classification;

public sealed record ListGradingFieldsQuery : IQuery<IReadOnlyList<GradingFieldDto>>;

/// <summary>What a scheme may test or score, with the operators each field allows (for the scheme editor).</summary>
public sealed class ListGradingFieldsHandler : IQueryHandler<ListGradingFieldsQuery, IReadOnlyList<GradingFieldDto>>
{
    private static readonly IReadOnlyList<GradingFieldDto> Fields = GradingFields.All
        .Select(f => new GradingFieldDto(f.Name, f.Description, f.Type,
            f.EnumType is { } t ? Enum.GetNames(t) : f.Type == GradingFieldType.Boolean ? ["true", "false"] : [],
            Enum.GetValues<ConditionOperator>().Where(op => SchemeValidator.OperatorAllowed(f.Type, op)).ToList()))
        .ToList();

    public ValueTask<IReadOnlyList<GradingFieldDto>> Handle(ListGradingFieldsQuery query, CancellationToken ct) => ValueTask.FromResult(Fields);
}
