package app

import (
	"context"

	"giaoban/internal/domain"
)

// Extension returns one extension request if the actor may see its task;
// otherwise, or when there is no such request, domain.ErrNotFound.
func (s *Service) Extension(ctx context.Context, actor *domain.User, id int64) (*domain.Extension, error) {
	if err := needUser(actor); err != nil {
		return nil, err
	}
	e, err := s.st.Extension(ctx, id)
	if err != nil {
		return nil, err
	}
	if _, err := s.getTask(ctx, &s.st.Queries, actor, e.TaskID); err != nil {
		return nil, err
	}
	return e, nil
}
