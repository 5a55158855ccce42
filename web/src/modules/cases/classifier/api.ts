import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type {
  ClassifierOverview,
  ModelVersion,
} from '../../../../../src/modules/cases/classifier/classifier.contracts';

export type { ClassifierOverview, ModelVersion };

const key = ['cases', 'classifier'] as const;

/** The model in use, its versions and the corrections; polled every second while a version is training. */
export function useClassifierOverview() {
  return useQuery({
    queryKey: key,
    queryFn: ({ signal }) => api.get<ClassifierOverview>('/cases/classifier', undefined, signal),
    refetchInterval: (q) => (q.state.data?.versions.some((v) => v.status === 'training') ? 1000 : false),
  });
}

export function useRetrain() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<ModelVersion>('/cases/classifier/retrain', {}),
    // The request stays open while the model trains: reading the overview now finds the version in training, and
    // its progress is polled until the answer comes.
    onMutate: () => {
      setTimeout(() => void qc.invalidateQueries({ queryKey: key }), 300);
    },
    onSettled: () => qc.invalidateQueries({ queryKey: key }),
  });
}
