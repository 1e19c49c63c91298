namespace Accrue.Portal.Analyzers
{
    /// <summary>
    /// The skeleton every PORTAL analyzer shares: concurrent, generated code skipped, and nothing registered past the
    /// compilation start when the compilation does not reference Stripe.net. A rule only says what it registers for a
    /// compilation that does, given that compilation's shared symbols.
    /// </summary>
    public abstract class PortalAnalyzer : DiagnosticAnalyzer
    {
        private protected PortalAnalyzer(params DiagnosticDescriptor[] descriptors)
        {
            this.SupportedDiagnostics = ImmutableArray.Create(descriptors);
        }

        public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

        public sealed override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            // Generated code is skipped, the driver calling no action in it; see GeneratedCode for why the flag is ReportDiagnostics.
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(start =>
            {
                if (StripeReference.IsPresent(start.Compilation))
                {
                    this.AnalyzeCompilation(start, PortalCompilation.For(start.Compilation));
                }
            });
        }

        /// <summary>Registers the rule's actions for a compilation that references Stripe.net.</summary>
        private protected abstract void AnalyzeCompilation(CompilationStartAnalysisContext start, PortalCompilation portal);
    }
}
