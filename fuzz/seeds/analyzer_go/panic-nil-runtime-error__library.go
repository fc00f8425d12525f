// gocompat: from=1.20 to=1.22
package walker

// In a library the main module's go line decides.
func Abort() {
	panic(nil) // want: panic-nil-runtime-error
}
