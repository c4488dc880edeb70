package app

// HoldHashTurns takes n of the service's hashing turns, as n logins in
// progress would, until release is called; for tests of the bound.
func (s *Service) HoldHashTurns(n int) (release func()) {
	for range n {
		s.hash.slots <- struct{}{}
	}
	return func() {
		for range n {
			<-s.hash.slots
		}
	}
}
