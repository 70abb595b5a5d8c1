package prose

import "testing"

func TestPlural(t *testing.T) {
	tests := []struct{ in, want string }{
		{"patient", "patients"},
		{"link worker", "link workers"},
		{"Commissioner", "Commissioners"},
		{"coach", "coaches"},
		{"box", "boxes"},
		{"family", "families"},
		{"day", "days"},
		{"person", "people"},
		{"Person", "People"},
		{"care-home child", "care-home children"},
		{"staff", "staff"},
		{"GP", "GPs"},
		{"nested case 2", "nested case 2"},
		{"18-30", "18-30"},
		{"", ""},
		{"médecin", "médecins"},
	}
	for _, tt := range tests {
		if got := Plural(tt.in); got != tt.want {
			t.Errorf("Plural(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
