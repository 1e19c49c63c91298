namespace Accrue.Portal.Analyzers.Rules
{
    /// <summary>
    /// PORTAL001 (the portal URL reaches a log, trace, telemetry or exception message) and PORTAL002 (it is stored or
    /// cached). One analyzer for both rules so each method body is tracked once; the sink's kind picks the rule.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PortalUrlLeakAnalyzer() : PortalAnalyzer(PortalDiagnostics.PortalUrlLogged, PortalDiagnostics.PortalUrlStored)
    {
        /// <summary>Diagnostic property: the Session local or parameter the URL was read from, when there is one.</summary>
        internal const string SessionNameProperty = "SessionName";

        private protected override void AnalyzeCompilation(CompilationStartAnalysisContext start, PortalCompilation portal)
        {
            var specification = PortalUrlTaintSpecification.TryCreate(start.Compilation, start.Options.AnalyzerConfigOptionsProvider);
            if (specification is null)
            {
                return;
            }

            var engine = new TaintEngine(start.Compilation, specification);
            var gate = new TaintGate(engine);
            OperationBlockGate.Register(start, gate.IsTaintEntry, block => Analyze(block, engine), TaintGate.EntryKinds, gate.HasSourceParameter);
        }

        private static void Analyze(OperationBlockAnalysisContext context, TaintEngine engine)
        {
            foreach (var finding in engine.Analyze(context.OwningSymbol, context.OperationBlocks, context.CancellationToken))
            {
                var descriptor = finding.Sink.Kind == SinkKind.Log ? PortalDiagnostics.PortalUrlLogged : PortalDiagnostics.PortalUrlStored;
                var properties = ImmutableDictionary<string, string?>.Empty;
                if (finding.Origin.Holder is { } holder)
                {
                    properties = properties.Add(SessionNameProperty, holder.Name);
                }

                context.ReportOutsideGeneratedCode(Diagnostic.Create(
                    descriptor,
                    finding.Value.Syntax.GetLocation(),
                    ImmutableArray.Create(finding.Origin.Location),
                    properties,
                    finding.Origin.Description,
                    finding.Sink.Name));
            }
        }
    }
}
