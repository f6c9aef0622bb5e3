namespace Crm.Api.Common.Http;

public static class EndpointConventions
{
    /// <summary>Declares the problem responses an operation can answer with, so the contract lists them.</summary>
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses)
        {
            if (status == StatusCodes.Status400BadRequest)
                builder.ProducesValidationProblem();
            else
                builder.ProducesProblem(status);
        }
        return builder;
    }
}
