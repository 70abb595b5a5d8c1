// Command themis-desktop is the Themis desktop app: the Svelte frontend in a
// Wails window over the services in package app.
//
//	themis-desktop [-demo] [PROJECT.themis]
package main

import (
	"embed"
	"flag"
	"fmt"
	"os"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"

	"themis/app"
)

//go:embed all:frontend/dist
var assets embed.FS

func main() {
	demo := flag.Bool("demo", false, "open the bundled demo project (created on first use)")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: themis-desktop [-demo] [PROJECT.themis]")
		flag.PrintDefaults()
	}
	flag.Parse()
	if err := checkDisplay(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	dirs, err := app.DefaultDirs()
	if err != nil {
		fmt.Fprintln(os.Stderr, "themis:", err)
		os.Exit(1)
	}
	// End-to-end tests answer file dialogs from a folder (see app.ScriptedDialogs).
	var dialogs app.Dialogs
	if dir := os.Getenv("THEMIS_TEST_DIALOGS"); dir != "" {
		dialogs = app.ScriptedDialogs{Dir: dir}
	}
	session := app.NewSession(dirs, dialogs)
	session.OpenAtLaunch(flag.Arg(0), *demo)

	err = wails.Run(&options.App{
		Title:            "Themis",
		Width:            1360,
		Height:           860,
		MinWidth:         960,
		MinHeight:        600,
		AssetServer:      &assetserver.Options{Assets: assets},
		BackgroundColour: &options.RGBA{R: 250, G: 250, B: 249, A: 255},
		OnStartup:        session.Startup,
		OnShutdown:       session.Shutdown,
		ErrorFormatter:   app.FormatError,
		Bind: []any{
			app.NewProjectService(session),
			app.NewDocumentService(session),
			app.NewCodingService(session),
			app.NewAgreementService(session),
			app.NewQuotesService(session),
			app.NewMemosService(session),
			app.NewAdjudicationService(session),
			app.NewCodebookService(session),
			app.NewCasesService(session),
			app.NewSearchService(session),
			app.NewPrivacyService(session),
			app.NewReportService(session),
			app.NewThemesService(session),
			app.NewPlanService(session),
			app.NewExchangeService(session),
		},
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "themis:", err)
		os.Exit(1)
	}
}
