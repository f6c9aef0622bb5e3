namespace Crm.Api.Common.ReadLog;

/// <summary>A read could not be logged; the read itself must then fail (503), never go unrecorded.</summary>
public sealed class ReadLogUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
