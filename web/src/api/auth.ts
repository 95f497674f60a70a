// Session hooks: who is signed in, and the sign-up, log-in, log-out and invitation flows.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiRequest } from './client';
import type { AcceptInvitationInput, InvitationPreview, LoginInput, Session, SignupInput } from './types';

export const sessionKey = ['session'] as const;

/** The signed-in user and their organizations, or null when nobody is signed in. */
export function useSessionQuery() {
  return useQuery({
    queryKey: sessionKey,
    queryFn: async (): Promise<Session | null> => {
      try {
        return await apiRequest<Session>('/auth/me');
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) return null;
        throw err;
      }
    },
    staleTime: 5 * 60_000,
    retry: false,
  });
}

function useSessionMutation<TInput>(request: (input: TInput) => Promise<Session>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (session) => {
      // a new user means nothing cached belongs to them: start from a clean cache
      queryClient.removeQueries({ queryKey: ['org'] });
      queryClient.setQueryData(sessionKey, session);
    },
  });
}

export function useSignup() {
  return useSessionMutation((input: SignupInput) => apiRequest<Session>('/auth/signup', { json: input }));
}

export function useLogin() {
  return useSessionMutation((input: LoginInput) => apiRequest<Session>('/auth/login', { json: input }));
}

export function useAcceptInvitation(token: string) {
  return useSessionMutation((input: AcceptInvitationInput) =>
    apiRequest<Session>(`/invitations/${encodeURIComponent(token)}/accept`, { json: input }),
  );
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<void>('/auth/logout', { method: 'POST' }),
    onSettled: async () => {
      // signed-out first, so the signed-in pages unmount before their cached data is dropped
      // (clearing the whole cache would leave mounted observers pointing at removed queries)
      queryClient.setQueryData(sessionKey, null);
      await queryClient.cancelQueries({ queryKey: ['org'] });
      queryClient.removeQueries({ queryKey: ['org'] });
    },
  });
}

export function useInvitationPreview(token: string) {
  return useQuery({
    queryKey: ['invitation', token],
    queryFn: () => apiRequest<InvitationPreview>(`/invitations/${encodeURIComponent(token)}`),
    retry: false,
  });
}
