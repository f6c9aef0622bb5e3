using Crm.Api.Domain.Classification;
using Crm.Api.Domain.Customers;

namespace Crm.Api.UnitTests.Classification;

internal static class GradingSupport
{
    /// <summary>An active private end user with no figures reported.</summary>
    public static readonly GradingInput Plain = new(
        EnterpriseNature.Private, CustomerCategory.EndUser, CustomerStatus.Active, 0, false, RiskFlags.None,
        0m, null, null, null, null, 0, 0m);

    public static GradingResult Grade(this GradingScheme scheme, GradingInput input) => GradingEngine.Evaluate(scheme, input);
}
