namespace Accrue.Portal.Analyzers.DataFlow
{
    /// <summary>
    /// Log sinks no catalogue entry can name, because the app declares them: a <c>LoggerMessage.Define</c> delegate
    /// (an <c>Action&lt;ILogger, …&gt;</c>) and a <c>[LoggerMessage]</c> method. Every argument but the logger and the level is logged.
    /// </summary>
    internal sealed class LoggerMessageSinks
    {
        private readonly INamedTypeSymbol? microsoftLogger;
        private readonly INamedTypeSymbol? loggerMessageAttribute;
        private readonly INamedTypeSymbol? logLevel;

        public LoggerMessageSinks(KnownTypes types)
        {
            this.microsoftLogger = types.Get(SinkCatalogue.MicrosoftLogger);
            this.loggerMessageAttribute = types.Get(SinkCatalogue.LoggerMessageAttribute);
            this.logLevel = types.Get(SinkCatalogue.LogLevel);
        }

        /// <summary>Adds the logged arguments when the call is such a delegate or method; false for any other call.</summary>
        public bool TryAdd(IInvocationOperation invocation, List<SinkSite> sinks)
        {
            var method = invocation.TargetMethod;
            if (method.MethodKind == MethodKind.DelegateInvoke
                && method.Parameters.Length > 0
                && this.microsoftLogger is not null
                && TypeFacts.IsOrInherits(method.Parameters[0].Type, this.microsoftLogger))
            {
                var name = invocation.Instance is IMemberReferenceOperation member ? member.Member.Name : method.ContainingType.Name;
                this.AddArguments(invocation, new SinkDescription(SinkKind.Log, "the LoggerMessage delegate '" + name + "'"), sinks);
                return true;
            }

            if (TypeFacts.HasAttribute(method, this.loggerMessageAttribute)
                || (method.PartialDefinitionPart is { } definition && TypeFacts.HasAttribute(definition, this.loggerMessageAttribute)))
            {
                this.AddArguments(invocation, new SinkDescription(SinkKind.Log, "the [LoggerMessage] method '" + TypeFacts.MemberDisplayName(method) + "'"), sinks);
                return true;
            }

            return false;
        }

        private void AddArguments(IInvocationOperation invocation, SinkDescription sink, List<SinkSite> sinks)
        {
            foreach (var argument in invocation.Arguments)
            {
                var type = argument.Parameter?.Type;
                var isLoggerOrLevel = (this.microsoftLogger is not null && TypeFacts.IsOrInherits(type, this.microsoftLogger))
                                      || (this.logLevel is not null && SymbolEqualityComparer.Default.Equals(type, this.logLevel));
                if (!isLoggerOrLevel)
                {
                    sinks.Add(new SinkSite(argument.Value, sink));
                }
            }
        }
    }
}
