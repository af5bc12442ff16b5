import { LoadingRows } from "@/components/ui/states";

export default function ApiTokensLoading() {
  return <LoadingRows label="Loading API tokens" />;
}
